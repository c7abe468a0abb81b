package io.pactum.jdbc.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import javax.sql.XADataSource;

/**
 * MySQL 8 and MariaDB, through mysql-connector-j ({@code jdbc:mysql:}) or MariaDB Connector/J
 * ({@code jdbc:mariadb:}). Their {@code isSameRM} is true for any two connections to one server,
 * but a branch cannot be joined from another connection: never {@code TMJOIN}. {@code XA RECOVER}
 * lists every transaction manager's XIDs and needs {@code XA_RECOVER_ADMIN} on MySQL 8.
 * MariaDB Connector/J throws error code 0 for XA errors it does not map (see
 * {@link Dialect#translate}).
 */
public final class MySqlDialect implements Dialect {
    static final String MYSQL_XA_DATA_SOURCE = "com.mysql.cj.jdbc.MysqlXADataSource";
    static final String MARIADB_XA_DATA_SOURCE = "org.mariadb.jdbc.MariaDbDataSource";

    /**
     * Server and client error numbers that mean the session is gone: 1053 server shutdown,
     * 1927 connection killed (MariaDB), 2006 server gone away, 2013 lost connection during a
     * query, 4031 disconnected by the server for inactivity (MySQL 8).
     */
    private static final Set<Integer> LOST_CONNECTION_ERRORS = Set.of(1053, 1927, 2006, 2013, 4031);

    /** ER_SPECIFIC_ACCESS_DENIED_ERROR: MySQL 8's answer to XA RECOVER without XA_RECOVER_ADMIN. */
    static final int ACCESS_DENIED = 1227;

    @Override
    public String name() {
        return "MySQL";
    }

    @Override
    public XADataSource xaDataSource(String url, String user, String password) {
        if (url.startsWith("jdbc:mariadb:")) {
            return DriverBeans.xaDataSource(MARIADB_XA_DATA_SOURCE, "org.mariadb.jdbc:mariadb-java-client", url, user,
                    password);
        }
        return DriverBeans.xaDataSource(MYSQL_XA_DATA_SOURCE, "com.mysql:mysql-connector-j", url, user, password);
    }

    @Override
    public Optional<String> serverProblem(Connection connection) throws SQLException {
        boolean mariaDb = isMariaDb(connection);
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("XA RECOVER")) {
            return Optional.empty();
        } catch (SQLException e) {
            if (isConnectionLost(e)) {
                throw e;
            }
            return Optional.of(recoverRefused(e, mariaDb, connection.getMetaData().getUserName()));
        }
    }

    /** The message for a server that refused {@code XA RECOVER} to this data source's user. */
    static String recoverRefused(SQLException e, boolean mariaDb, String user) {
        String server = mariaDb ? "MariaDB" : "MySQL";
        String fix = !mariaDb && (e.getErrorCode() == ACCESS_DENIED || String.valueOf(e.getMessage()).contains(
                "XA_RECOVER_ADMIN"))
                ? "grant the privilege MySQL 8 requires: GRANT XA_RECOVER_ADMIN ON *.* TO " + quoted(user)
                : "give the user " + user + " the privileges to run XA RECOVER";
        return server + " refused XA RECOVER (" + e.getMessage() + "), so recovery could not find this data "
                + "source's in-doubt transactions: " + fix;
    }

    /** {@code pactum@127.0.0.1} becomes {@code 'pactum'@'127.0.0.1'}. */
    private static String quoted(String user) {
        if (user == null) {
            return "<user>";
        }
        int at = user.lastIndexOf('@');
        return at < 0 ? "'" + user + "'" : "'" + user.substring(0, at) + "'@'" + user.substring(at + 1) + "'";
    }

    private static boolean isMariaDb(Connection connection) throws SQLException {
        String version = connection.getMetaData().getDatabaseProductVersion();
        return version != null && version.contains("MariaDB");
    }

    @Override
    public boolean isConnectionLost(SQLException failure) {
        return SqlStates.isConnectionException(failure.getSQLState())
                || LOST_CONNECTION_ERRORS.contains(failure.getErrorCode());
    }

    @Override
    public boolean joinAllowed() {
        return false;
    }

    /** Both servers: {@code XA START} begins a transaction even with {@code autocommit=1}. */
    @Override
    public boolean branchIgnoresAutoCommit() {
        return true;
    }

    @Override
    public Optional<String> decisionTableDdl(String table) {
        return Optional.of("CREATE TABLE IF NOT EXISTS " + table + " (gtrid varbinary(64) PRIMARY KEY, "
                + "committed boolean NOT NULL, resources varchar(4000) NOT NULL, "
                + "written timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)) ENGINE=InnoDB");
    }

    /** InnoDB's lock wait timeout is in whole seconds. */
    @Override
    public void lockTimeout(Connection connection, java.time.Duration timeout) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET SESSION innodb_lock_wait_timeout = " + Math.max(1, timeout.toSeconds()));
        }
    }

    /** ER_DUP_ENTRY. */
    @Override
    public boolean isDuplicateKey(SQLException failure) {
        return failure.getErrorCode() == 1062;
    }

    @Override
    public String toString() {
        return name();
    }
}
