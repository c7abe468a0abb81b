package io.pactum.it;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real databases the integration tests run against, as {@code scripts/databases.sh} sets
 * them up. Override with PACTUM_PG_URL / PACTUM_PG_USER / PACTUM_PG_PASSWORD and PACTUM_MYSQL_URL
 * / PACTUM_MYSQL_USER / PACTUM_MYSQL_PASSWORD. A missing database fails the test with the fix.
 */
public final class Databases {
    public static final String PG_URL = env("PACTUM_PG_URL", "jdbc:postgresql://127.0.0.1:5432/pactum_it");
    public static final String PG_USER = env("PACTUM_PG_USER", "pactum");
    public static final String PG_PASSWORD = env("PACTUM_PG_PASSWORD", "pactum");
    public static final String MYSQL_URL = env("PACTUM_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/pactum_it");
    public static final String MYSQL_USER = env("PACTUM_MYSQL_USER", "pactum");
    public static final String MYSQL_PASSWORD = env("PACTUM_MYSQL_PASSWORD", "pactum");

    private Databases() {
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** A plain (non-XA) PostgreSQL data source, checked to answer. */
    public static DataSource postgres() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(PG_URL);
        ds.setUser(PG_USER);
        ds.setPassword(PG_PASSWORD);
        return checked(ds, PG_URL);
    }

    /** A plain (non-XA) MySQL/MariaDB data source through mysql-connector-j, checked to answer. */
    public static DataSource mysql() {
        MysqlDataSource ds = new MysqlDataSource();
        ds.setUrl(MYSQL_URL);
        ds.setUser(MYSQL_USER);
        ds.setPassword(MYSQL_PASSWORD);
        return checked(ds, MYSQL_URL);
    }

    static DataSource checked(DataSource ds, String url) {
        try (Connection c = ds.getConnection()) {
            c.isValid(5);
            return ds;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the test database " + url + " (" + e.getMessage()
                    + "): run `bash scripts/databases.sh` (it installs and starts PostgreSQL and MariaDB), "
                    + "or point PACTUM_PG_URL / PACTUM_MYSQL_URL and their _USER / _PASSWORD at servers of yours", e);
        }
    }
}
