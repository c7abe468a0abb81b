package io.pactum.jdbc.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;

/**
 * What Pactum must know about one kind of database server. Every driver quirk lives in a
 * dialect and nowhere else: how to make the driver's {@link XADataSource} from a URL, what the
 * server must allow for two-phase commit, which failures mean the connection is gone, and
 * whether a branch may be joined from another connection.
 *
 * <p>Two rules hold for every dialect and are applied by the pool itself: suspend and resume
 * ({@code TMSUSPEND}, {@code TMRESUME}) never reach a driver, because a pooled connection stays
 * with its branch until the transaction completes (and PostgreSQL has neither); and a connection
 * that saw an XA error is destroyed, not pooled.
 */
public interface Dialect {
    /** The server family, for messages: "PostgreSQL", "MySQL". */
    String name();

    /**
     * Makes the driver's XA data source for a JDBC URL, user and password.
     *
     * @throws IllegalStateException when the driver is not on the class path; the message names it
     */
    XADataSource xaDataSource(String url, String user, String password);

    /**
     * What keeps the server behind this connection from two-phase commit and recovery, said so
     * that an operator knows what to change; empty when nothing does.
     */
    Optional<String> serverProblem(Connection connection) throws SQLException;

    /** Whether this failure means the connection to the server is lost or unusable for good. */
    boolean isConnectionLost(SQLException failure);

    /**
     * Whether a branch of this server may be joined ({@code TMJOIN}) by another physical
     * connection for which the driver's {@code isSameRM} is true.
     */
    boolean joinAllowed();

    /**
     * Whether the server runs an XA branch as one transaction whatever the session's autocommit
     * ({@code XA START} opens it, {@code XA COMMIT} or {@code XA ROLLBACK} closes it). Then the
     * pool keeps a branch's autocommit switches on the client
     * ({@link io.pactum.jdbc.pool.BranchScopedAutoCommit}) and saves two round trips per branch.
     */
    default boolean branchIgnoresAutoCommit() {
        return false;
    }

    /**
     * The exception Pactum acts on for a driver's XA failure: a lost connection is
     * {@code XAER_RMFAIL} whatever code the driver chose (unless it reports a rollback or a
     * heuristic), and error code 0, which MariaDB Connector/J throws for errors it does not map,
     * is {@code XAER_RMFAIL} too. Returns the failure itself when its code stands.
     */
    default XAException translate(XAException failure) {
        int code = failure.errorCode;
        boolean decided = (code >= XAException.XA_RBBASE && code <= XAException.XA_RBEND)
                || (code >= XAException.XA_HEURMIX && code <= XAException.XA_HEURHAZ);
        boolean lost = !decided && code != XAException.XAER_RMFAIL && causedByLostConnection(failure);
        if (code != 0 && !lost) {
            return failure;
        }
        XAException translated = new XAException(name() + " XA call failed with error code " + code
                + (lost ? " after losing its connection" : "") + ": " + failure.getMessage());
        translated.errorCode = XAException.XAER_RMFAIL;
        translated.initCause(failure);
        return translated;
    }

    /** Whether a lost connection is among the causes of this failure. */
    default boolean causedByLostConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && isConnectionLost(sql)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * The statement that creates a table of commit decisions ({@code decisionTable(...)}) when it
     * does not exist: columns {@code gtrid} (binary, the primary key), {@code committed}
     * (boolean), {@code resources} (text) and {@code written} (when). Empty when this dialect
     * cannot hold decisions.
     */
    default Optional<String> decisionTableDdl(String table) {
        return Optional.empty();
    }

    /** Makes a statement on this connection wait at most this long for a row lock. */
    default void lockTimeout(Connection connection, java.time.Duration timeout) throws SQLException {
    }

    /** Whether this failure is a duplicate key in a unique index. */
    default boolean isDuplicateKey(SQLException failure) {
        return "23505".equals(failure.getSQLState());
    }
}
