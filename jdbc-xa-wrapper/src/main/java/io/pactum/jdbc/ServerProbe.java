package io.pactum.jdbc;

import io.pactum.jdbc.dialect.Dialect;
import io.pactum.jdbc.dialect.Dialects;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import javax.sql.XAConnection;
import javax.sql.XADataSource;

/**
 * The check a data source makes before it starts: it connects once, finds the dialect when none
 * was given, and for XA data sources asks the dialect whether the server allows two-phase commit
 * and recovery. Fails fast, with what to change, rather than at the first prepare.
 */
final class ServerProbe {
    private ServerProbe() {
    }

    static Dialect checkXa(String name, XADataSource xa, Dialect configured, String where) {
        XAConnection xaConnection = null;
        try {
            xaConnection = xa.getXAConnection();
            Connection connection = xaConnection.getConnection();
            Dialect dialect = configured != null ? configured : dialectOf(connection);
            Optional<String> problem = dialect.serverProblem(connection);
            if (problem.isPresent()) {
                throw new IllegalStateException("data source " + name + " cannot take part in two-phase commit: "
                        + problem.get());
            }
            return dialect;
        } catch (SQLException e) {
            throw unreachable(name, where, e);
        } finally {
            closeQuietly(xaConnection);
        }
    }

    /**
     * Creates the table of commit decisions when it is missing.
     *
     * @throws IllegalStateException when the dialect cannot hold decisions or the table cannot be
     *         created; the message gives the statement to run by hand
     */
    static void createDecisionTable(String name, XADataSource xa, Dialect dialect, String table, String where) {
        String ddl = dialect.decisionTableDdl(table).orElseThrow(() -> new IllegalStateException("data source " + name
                + " cannot hold commit decisions: " + dialect.name() + " is not among the databases that can "
                + "(PostgreSQL, MySQL, MariaDB). Remove holdDecisions/decisionTable"));
        XAConnection xaConnection = null;
        try {
            xaConnection = xa.getXAConnection();
            Connection connection = xaConnection.getConnection();
            connection.setAutoCommit(true);
            try (java.sql.Statement s = connection.createStatement()) {
                s.execute(ddl);
            } catch (SQLException e) {
                if (dialect.isConnectionLost(e)) {
                    throw e;
                }
                throw new IllegalStateException("data source " + name + " holds commit decisions in table " + table
                        + ", which it could not create (" + e.getMessage() + "): let its user create tables, or "
                        + "create it yourself with: " + ddl, e);
            }
        } catch (SQLException e) {
            throw unreachable(name, where, e);
        } finally {
            closeQuietly(xaConnection);
        }
    }

    static Dialect checkLocal(String name, DataSource local, Dialect configured, String where) {
        try (Connection connection = local.getConnection()) {
            return configured != null ? configured : dialectOf(connection);
        } catch (SQLException e) {
            throw unreachable(name, where, e);
        }
    }

    private static Dialect dialectOf(Connection connection) throws SQLException {
        return Dialects.forProduct(connection.getMetaData().getDatabaseProductName());
    }

    private static IllegalStateException unreachable(String name, String where, SQLException e) {
        return new IllegalStateException("data source " + name + " cannot connect to " + where + " (" + e.getMessage()
                + "): check that the database runs and the URL, user and password are right", e);
    }

    private static void closeQuietly(XAConnection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // the check's own result is what matters
        }
    }
}
