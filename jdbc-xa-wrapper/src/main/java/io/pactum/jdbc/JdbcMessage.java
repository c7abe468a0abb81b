package io.pactum.jdbc;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import java.lang.System.Logger.Level;
import java.text.MessageFormat;

/**
 * Every message the JDBC data sources log, with its stable id: {@code PACTUM-5xxx}, next to
 * tm-core's 1xxx to 4xxx ({@code io.pactum.event.Message}). An id is never reused.
 */
public enum JdbcMessage {
    STARTED(5001, INFO, "Data source {0} started on {1}: pool of {2} to {3} connections"),
    CONNECTION_LEAK(5002, WARNING, "A connection of data source {0} has been held outside a transaction by thread {1} for longer than leakTimeout ({2})"),
    POOL_WARNING(5003, WARNING, "Connection pool of data source {0}: {1}"),
    RETURN_FAILED(5004, WARNING, "The connection of data source {0} could not go back to its pool after transaction {1}; it is closed"),
    RECOVERY_CLOSE_FAILED(5005, WARNING, "Closing the recovery connection of data source {0} failed"),
    CLOSED(5006, INFO, "Data source {0} closed");

    private static final System.Logger LOGGER = System.getLogger("io.pactum.jdbc");

    private final int id;
    private final Level level;
    private final String pattern;

    JdbcMessage(int id, Level level, String pattern) {
        this.id = id;
        this.level = level;
        this.pattern = pattern;
    }

    public String id() {
        return "PACTUM-" + id;
    }

    public String format(Object... args) {
        return id() + " " + MessageFormat.format(pattern, args);
    }

    public void log(Object... args) {
        if (LOGGER.isLoggable(level)) {
            LOGGER.log(level, format(args));
        }
    }

    public void log(Throwable cause, Object... args) {
        if (LOGGER.isLoggable(level)) {
            LOGGER.log(level, format(args), cause);
        }
    }
}
