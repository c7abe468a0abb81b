package io.pactum.bench.sut;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The local PostgreSQL the pactum-pg system logs to: 127.0.0.1:5432, database pactum_it, user
 * pactum/pactum (scripts/databases.sh), unless the system properties bench.pg.url,
 * bench.pg.user and bench.pg.password say otherwise.
 */
final class BenchDatabase {
    /** Our sessions' name in pg_stat_activity, to tell them from other clients of the same server. */
    private static final String APPLICATION = "pactum-bench";

    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    private BenchDatabase(String url, String user, String password) {
        dataSource.setUrl(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        dataSource.setApplicationName(APPLICATION);
    }

    static BenchDatabase fromSystemProperties() {
        return new BenchDatabase(System.getProperty("bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/pactum_it"),
                System.getProperty("bench.pg.user", "pactum"), System.getProperty("bench.pg.password", "pactum"));
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** A table name no earlier cell used, so that every cell starts from an empty table. */
    String freshTableName(String prefix) {
        return prefix + "_" + ProcessHandle.current().pid() + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt() & 0xfffffff);
    }

    void dropTable(String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        }
    }

    /** Counts the server's syncs for our connections; see {@link BackendSyncs}. */
    SystemUnderTest.SyncCounter syncCounter() {
        return new BackendSyncs(dataSource, APPLICATION);
    }
}
