package io.pactum.jdbc;

import javax.sql.DataSource;
import javax.sql.XADataSource;

/** Where a Pactum data source gets its physical connections. */
public sealed interface ConnectionSource {
    /** Whether its connections take part in two-phase commit; if not, they join as the last resource. */
    boolean isXa();

    /** A ready XA data source of any driver. */
    record Xa(XADataSource dataSource) implements ConnectionSource {
        @Override
        public boolean isXa() {
            return true;
        }
    }

    /** A PostgreSQL, MySQL or MariaDB URL: Pactum makes the driver's XA data source. */
    record Url(String url, String user, String password) implements ConnectionSource {
        @Override
        public boolean isXa() {
            return true;
        }

        @Override
        public String toString() {
            return "Url[" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
        }
    }

    /** A non-XA data source: its connections commit last, in one phase. */
    record Local(DataSource dataSource) implements ConnectionSource {
        @Override
        public boolean isXa() {
            return false;
        }
    }
}
