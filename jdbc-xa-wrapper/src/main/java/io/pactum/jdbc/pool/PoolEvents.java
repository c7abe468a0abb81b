package io.pactum.jdbc.pool;

import io.agroal.api.AgroalDataSourceListener;
import io.pactum.jdbc.JdbcMessage;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.time.Duration;

/** What Agroal reports about one data source's pool, in Pactum's log. */
public final class PoolEvents implements AgroalDataSourceListener {
    private static final System.Logger LOGGER = System.getLogger("io.pactum.jdbc");

    private final String name;
    private final Duration leakTimeout;

    public PoolEvents(String name, Duration leakTimeout) {
        this.name = name;
        this.leakTimeout = leakTimeout;
    }

    @Override
    public void onConnectionLeak(Connection connection, Thread thread) {
        JdbcMessage.CONNECTION_LEAK.log(name, thread == null ? "(gone)" : thread.getName(), leakTimeout);
    }

    @Override
    public void onWarning(String message) {
        // Handles still open when their transaction ends are closed then; JTA does not ask
        // applications to close them first, so that is no warning.
        if (message != null && message.startsWith("Closing open connection")) {
            LOGGER.log(Level.DEBUG, () -> JdbcMessage.POOL_WARNING.format(name, message));
            return;
        }
        JdbcMessage.POOL_WARNING.log(name, message);
    }

    @Override
    public void onWarning(Throwable throwable) {
        JdbcMessage.POOL_WARNING.log(throwable, name, String.valueOf(throwable));
    }
}
