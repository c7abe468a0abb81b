package io.pactum.jdbc.pool;

import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands a ready data source to the connection provider Agroal creates. Agroal 2.5 makes its
 * provider itself, from a class with a public no-argument constructor configured through
 * string properties, and has no way to take an instance. So the instance is parked here under
 * a random key, the key travels to the provider as one of those properties, and the provider
 * looks the instance up on every connection it opens: it does not matter when, or on which
 * thread, Agroal creates or uses it. The data source removes its entry when it closes.
 *
 * <p>This table is the one static in the module; it only ever holds the data sources that are
 * open.
 */
public final class Handoff {
    /** The property that carries the key; Agroal calls {@code setPactumHandoffKey(String)}. */
    public static final String KEY_PROPERTY = "pactumHandoffKey";

    private static final ConcurrentHashMap<String, Object> PARKED = new ConcurrentHashMap<>();

    private Handoff() {
    }

    /** Parks a data source and returns its key. */
    public static String park(Object dataSource) {
        String key = UUID.randomUUID().toString();
        PARKED.put(key, dataSource);
        return key;
    }

    public static void remove(String key) {
        if (key != null) {
            PARKED.remove(key);
        }
    }

    /** The parked data source, or a failure that says the Pactum data source is closed. */
    static <T> T find(String key, Class<T> type) throws SQLException {
        Object parked = key == null ? null : PARKED.get(key);
        if (parked == null) {
            throw new SQLException("this Pactum data source is closed (no data source is parked under key " + key + ")",
                    "08003");
        }
        return type.cast(parked);
    }
}
