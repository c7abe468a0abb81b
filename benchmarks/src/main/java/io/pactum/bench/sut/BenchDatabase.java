package io.pactum.bench.sut;

import java.sql.Connection;
import java.sql.ResultSet;
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

    /**
     * The server's WAL syncs so far (pg_stat_wal.wal_sync, PostgreSQL 14+). The count is
     * server-wide, so each reading also prints how many other client sessions are connected. A
     * backend publishes its counts at most once a second while busy, and 10 s after it went
     * idle: read the total again only after that.
     */
    SystemUnderTest.SyncCounter walSyncCounter() {
        return new SystemUnderTest.SyncCounter() {
            @Override
            public long total() throws SQLException {
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                        ResultSet r = s.executeQuery("SELECT (SELECT wal_sync FROM pg_stat_wal), "
                                + "(SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' "
                                + "AND pid <> pg_backend_pid() AND application_name <> '" + APPLICATION + "')")) {
                    r.next();
                    System.err.println("pg_stat_wal.wal_sync=" + r.getLong(1) + " other client sessions: " + r.getLong(2));
                    return r.getLong(1);
                }
            }

            @Override
            public long settleMillis() {
                return 11_000;
            }
        };
    }
}
