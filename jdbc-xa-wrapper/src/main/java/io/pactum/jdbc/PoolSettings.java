package io.pactum.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * How a data source pools its connections; every value is checked when it is made, with a
 * message that names the builder method to change.
 *
 * @param minSize connections kept open even when idle
 * @param maxSize the most connections open at once; {@code getConnection()} waits beyond it
 * @param acquisitionTimeout the longest {@code getConnection()} waits for a free connection
 * @param validateOnBorrow whether every connection is checked before it is handed out
 * @param validationInterval how often idle connections are checked in the background; zero: never
 * @param idleTimeout how long a connection above {@code minSize} may stay idle; zero: forever
 * @param leakTimeout after how long a connection held outside a transaction is reported as a
 *                    leak; zero: never
 * @param maxLifetime how long a connection lives before it is replaced; zero: forever
 */
public record PoolSettings(int minSize, int maxSize, Duration acquisitionTimeout, boolean validateOnBorrow,
        Duration validationInterval, Duration idleTimeout, Duration leakTimeout, Duration maxLifetime) {

    public static final PoolSettings DEFAULTS = new PoolSettings(0, 20, Duration.ofSeconds(10), false,
            Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ZERO, Duration.ofMinutes(30));

    public PoolSettings {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxPoolSize is " + maxSize + ": it must be at least 1");
        }
        if (minSize < 0) {
            throw new IllegalArgumentException("minPoolSize is " + minSize + ": it must be 0 or more");
        }
        if (minSize > maxSize) {
            throw new IllegalArgumentException("minPoolSize " + minSize + " is larger than maxPoolSize " + maxSize
                    + ": lower minPoolSize or raise maxPoolSize");
        }
        required("acquisitionTimeout", acquisitionTimeout);
        if (acquisitionTimeout.isZero() || acquisitionTimeout.isNegative()) {
            throw new IllegalArgumentException("acquisitionTimeout is " + acquisitionTimeout + ": give the longest "
                    + "time getConnection() may wait for a free connection, e.g. Duration.ofSeconds(10)");
        }
        zeroOrPositive("validationInterval", validationInterval, "background validation");
        zeroOrPositive("idleTimeout", idleTimeout, "closing idle connections");
        zeroOrPositive("leakTimeout", leakTimeout, "leak detection");
        zeroOrPositive("maxLifetime", maxLifetime, "replacing old connections");
    }

    private static void required(String setting, Duration value) {
        Objects.requireNonNull(value, () -> setting + " is null: give a java.time.Duration");
    }

    private static void zeroOrPositive(String setting, Duration value, String feature) {
        required(setting, value);
        if (value.isNegative()) {
            throw new IllegalArgumentException(setting + " is " + value + ": use Duration.ZERO to turn " + feature
                    + " off, or a positive duration");
        }
    }
}
