package io.pactum.bench.jdbc;

import com.mysql.cj.jdbc.MysqlXADataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import org.postgresql.xa.PGXADataSource;

/**
 * The two real servers of the transfer benchmark, as {@code scripts/databases.sh} sets them up
 * (the integration tests' databases); PACTUM_PG_URL / _USER / _PASSWORD and PACTUM_MYSQL_URL /
 * _USER / _PASSWORD point elsewhere. One table per server, {@code bench_transfer}, one row per
 * worker thread, so that threads never wait for each other's row locks.
 */
public final class BenchDatabases {
    public static final String TABLE = "bench_transfer";
    /** One row for each possible worker thread. */
    static final int ROWS = 256;

    static final String PG_URL = env("PACTUM_PG_URL", "jdbc:postgresql://127.0.0.1:5432/pactum_it");
    static final String PG_USER = env("PACTUM_PG_USER", "pactum");
    static final String PG_PASSWORD = env("PACTUM_PG_PASSWORD", "pactum");
    static final String MYSQL_URL = env("PACTUM_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/pactum_it");
    static final String MYSQL_USER = env("PACTUM_MYSQL_USER", "pactum");
    static final String MYSQL_PASSWORD = env("PACTUM_MYSQL_PASSWORD", "pactum");

    private BenchDatabases() {
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static XADataSource postgres() {
        PGXADataSource ds = new PGXADataSource();
        ds.setUrl(PG_URL);
        ds.setUser(PG_USER);
        ds.setPassword(PG_PASSWORD);
        return ds;
    }

    static XADataSource mysql() {
        MysqlXADataSource ds = new MysqlXADataSource();
        ds.setUrl(MYSQL_URL);
        ds.setUser(MYSQL_USER);
        ds.setPassword(MYSQL_PASSWORD);
        return ds;
    }

    /** Creates both tables and their rows unless an earlier cell did. */
    static void prepareTables() throws SQLException {
        prepareTable(postgres(), PG_URL);
        prepareTable(mysql(), MYSQL_URL);
    }

    private static void prepareTable(XADataSource xa, String url) throws SQLException {
        XAConnection x;
        try {
            x = xa.getXAConnection();
        } catch (SQLException e) {
            throw new SQLException("cannot reach " + url + " (" + e.getMessage() + "): run `bash scripts/databases.sh`, "
                    + "or point PACTUM_PG_URL / PACTUM_MYSQL_URL and their _USER / _PASSWORD at servers of yours", e);
        }
        try (Connection c = x.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id int PRIMARY KEY, balance bigint NOT NULL)");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
                rs.next();
                if (rs.getInt(1) == ROWS) {
                    return;
                }
            }
            c.setAutoCommit(false);
            s.execute("DELETE FROM " + TABLE);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, 0)")) {
                for (int id = 0; id < ROWS; id++) {
                    insert.setInt(1, id);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
        } finally {
            x.close();
        }
    }
}
