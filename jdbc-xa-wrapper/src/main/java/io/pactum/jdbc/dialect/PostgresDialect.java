package io.pactum.jdbc.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;

/**
 * PostgreSQL through pgjdbc. Two-phase commit needs {@code max_prepared_transactions > 0}, which
 * is 0 by default. pgjdbc's {@code isSameRM} is identity and it has no {@code TMJOIN} across
 * connections and no {@code TMSUSPEND}. A terminated backend reports {@code 57P01}..{@code 57P03}
 * before the socket closes ({@code 08xxx}); pgjdbc reports some of those as {@code XAER_RMERR}.
 */
public final class PostgresDialect implements Dialect {
    static final String XA_DATA_SOURCE = "org.postgresql.xa.PGXADataSource";

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public XADataSource xaDataSource(String url, String user, String password) {
        return DriverBeans.xaDataSource(XA_DATA_SOURCE, "org.postgresql:postgresql", url, user, password);
    }

    @Override
    public Optional<String> serverProblem(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SHOW max_prepared_transactions")) {
            rs.next();
            return preparedTransactionsProblem(Integer.parseInt(rs.getString(1).trim()));
        }
    }

    /** What is wrong with this value of {@code max_prepared_transactions}, if anything. */
    static Optional<String> preparedTransactionsProblem(int maxPreparedTransactions) {
        if (maxPreparedTransactions > 0) {
            return Optional.empty();
        }
        return Optional.of("PostgreSQL has max_prepared_transactions = " + maxPreparedTransactions
                + ", which disables PREPARE TRANSACTION and so two-phase commit. Set it to at least the number of "
                + "connections that may prepare at once, e.g. max_prepared_transactions = 100 in postgresql.conf "
                + "(or ALTER SYSTEM SET max_prepared_transactions = 100), and restart PostgreSQL");
    }

    @Override
    public boolean isConnectionLost(SQLException failure) {
        String state = failure.getSQLState();
        // 57P01 admin_shutdown (pg_terminate_backend), 57P02 crash_shutdown, 57P03 cannot_connect_now
        return SqlStates.isConnectionException(state) || (state != null && state.startsWith("57P0"));
    }

    @Override
    public boolean joinAllowed() {
        return false;
    }

    /**
     * pgjdbc answers {@code COMMIT PREPARED} / {@code ROLLBACK PREPARED} for a gid the server no
     * longer has (SQLSTATE 42704, e.g. a DBA ended the branch by hand) with {@code XAER_RMERR};
     * the XA answer is {@code XAER_NOTA}, which tells "already ended" from "try again".
     */
    @Override
    public XAException translate(XAException failure) {
        if (failure.errorCode == XAException.XAER_RMERR && hasState(failure, UNKNOWN_PREPARED_TRANSACTION)) {
            XAException nota = new XAException("PostgreSQL no longer knows this prepared transaction: "
                    + failure.getMessage());
            nota.errorCode = XAException.XAER_NOTA;
            nota.initCause(failure);
            return nota;
        }
        return Dialect.super.translate(failure);
    }

    /** SQLSTATE undefined_object, as PostgreSQL reports an unknown prepared transaction. */
    static final String UNKNOWN_PREPARED_TRANSACTION = "42704";

    private static boolean hasState(Throwable failure, String state) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<String> decisionTableDdl(String table) {
        return Optional.of("CREATE TABLE IF NOT EXISTS " + table + " (gtrid bytea PRIMARY KEY, committed boolean NOT NULL, "
                + "resources varchar(4000) NOT NULL, written timestamptz NOT NULL DEFAULT now())");
    }

    @Override
    public void lockTimeout(Connection connection, java.time.Duration timeout) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET lock_timeout = " + Math.max(1, timeout.toMillis()));
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
