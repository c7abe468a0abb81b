package io.pactum.cli.demo;

import io.pactum.jdbc.dialect.Dialect;
import io.pactum.jdbc.dialect.Dialects;
import java.nio.file.Path;
import javax.sql.XADataSource;

/** Where one bank keeps its accounts: an embedded Derby database, or a real server. */
interface BankDatabase {
    /** The bank's name, which is also its data source's name in Pactum's log: "bank-a". */
    String name();

    /** For the demo's first lines: what and where the database is. */
    String describe();

    /** The driver's XA data source. */
    XADataSource xaDataSource();

    /** The database's quirks, or null to let Pactum find them from the server. */
    Dialect dialect();

    /** Called after every connection is closed. */
    void shutdown();

    static BankDatabase embedded(String name, Path directory) {
        return new EmbeddedDerby(name, directory);
    }

    static BankDatabase server(String name, String url, String user, String password) {
        return new Server(name, url, user, password);
    }

    /** A PostgreSQL, MySQL or MariaDB server, reached by URL; Pactum's dialect makes its XA data source. */
    record Server(String name, String url, String user, String password) implements BankDatabase {
        @Override
        public String describe() {
            return dialect().name() + " server " + url;
        }

        @Override
        public XADataSource xaDataSource() {
            return dialect().xaDataSource(url, user, password);
        }

        @Override
        public Dialect dialect() {
            return Dialects.forUrl(url);
        }

        @Override
        public void shutdown() {
            // the server runs on
        }
    }
}
