package io.pactum.jdbc;

import io.pactum.jdbc.pool.ForwardingConnection;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * A handle on a connection enlisted in a transaction. The transaction manager alone ends the
 * transaction, so the calls that would end or split it locally fail with an
 * {@link SQLException} that says what to do instead; they change nothing, and the transaction
 * goes on. Closing the handle ends nothing either: the connection stays with its branch until
 * the transaction completes.
 */
final class EnlistedConnection extends ForwardingConnection {
    /** SQLSTATE 25000, invalid transaction state. */
    private static final String INVALID_TRANSACTION_STATE = "25000";

    private final String dataSource;
    private final Object transaction;

    EnlistedConnection(Connection delegate, String dataSource, Object transaction) {
        super(delegate);
        this.dataSource = dataSource;
        this.transaction = transaction;
    }

    private SQLException refused(String call, String instead) {
        return new SQLException(call + " is not allowed on a connection of data source " + dataSource
                + ": it is enlisted in transaction " + transaction + ", which only the transaction manager ends. "
                + instead, INVALID_TRANSACTION_STATE);
    }

    @Override
    public void commit() throws SQLException {
        throw refused("commit()", "Commit the transaction through the TransactionManager or UserTransaction.");
    }

    @Override
    public void rollback() throws SQLException {
        throw refused("rollback()", "Roll the transaction back through the TransactionManager or UserTransaction, "
                + "or call setRollbackOnly().");
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        if (autoCommit) {
            throw refused("setAutoCommit(true)", "The connection leaves the transaction when the transaction ends.");
        }
        delegate.setAutoCommit(false);
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        throw savepointRefused("setSavepoint()");
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        throw savepointRefused("setSavepoint(String)");
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        throw savepointRefused("rollback(Savepoint)");
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        throw savepointRefused("releaseSavepoint(Savepoint)");
    }

    private SQLException savepointRefused(String call) {
        return refused(call, "Savepoints are not supported inside a distributed transaction: split the work into "
                + "separate transactions instead.");
    }

    @Override
    public String toString() {
        return "connection of " + dataSource + " in transaction " + transaction;
    }
}
