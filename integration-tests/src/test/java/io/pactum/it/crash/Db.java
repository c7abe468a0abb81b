package io.pactum.it.crash;

import io.pactum.it.Databases;
import io.pactum.jdbc.dialect.Dialect;
import io.pactum.jdbc.dialect.MySqlDialect;
import io.pactum.jdbc.dialect.PostgresDialect;
import javax.sql.DataSource;
import javax.sql.XADataSource;

/** The two databases of a transfer: PostgreSQL's branch is always enlisted first, MariaDB's second. */
enum Db {
    POSTGRESQL("crash-pg", Databases.PG_URL, Databases.PG_USER, Databases.PG_PASSWORD),
    MARIADB("crash-my", Databases.MYSQL_URL, Databases.MYSQL_USER, Databases.MYSQL_PASSWORD);

    /** The Pactum data source name: the log and recovery know the branches by it. */
    final String dataSourceName;
    final String url;
    final String user;
    final String password;

    Db(String dataSourceName, String url, String user, String password) {
        this.dataSourceName = dataSourceName;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    Dialect dialect() {
        return this == POSTGRESQL ? new PostgresDialect() : new MySqlDialect();
    }

    /** The driver's own XA data source, without Pactum. */
    XADataSource driverXaDataSource() {
        return dialect().xaDataSource(url, user, password);
    }

    /** A plain auto-commit data source: the DBA's and the checks' way in. */
    DataSource plain() {
        return this == POSTGRESQL ? Databases.postgres() : Databases.mysql();
    }

    /** The SQL that asks the server which session a connection is. */
    String sessionIdQuery() {
        return this == POSTGRESQL ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()";
    }

    /** The SQL that ends another session, as a server restart would. */
    String killSession(long session) {
        return this == POSTGRESQL ? "SELECT pg_terminate_backend(" + session + ")" : "KILL " + session;
    }
}
