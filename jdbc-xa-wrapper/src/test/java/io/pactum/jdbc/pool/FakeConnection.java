package io.pactum.jdbc.pool;

import io.agroal.api.transaction.TransactionAware;
import java.sql.SQLException;
import java.util.List;

/**
 * Stands in for Agroal's pooled connection: writes every callback into a shared list of events,
 * and fails the local commit or rollback when told to.
 */
final class FakeConnection implements TransactionAware {
    private final List<String> events;
    SQLException startFailure;
    SQLException commitFailure;
    SQLException rollbackFailure;
    SQLCallable<Boolean> check;

    FakeConnection(List<String> events) {
        this.events = events;
    }

    @Override
    public void transactionStart() throws SQLException {
        events.add("connection.start");
        if (startFailure != null) {
            throw startFailure;
        }
    }

    @Override
    public void transactionBeforeCompletion(boolean successful) {
        events.add("connection.beforeCompletion(" + successful + ")");
    }

    @Override
    public void transactionCommit() throws SQLException {
        events.add("connection.commit");
        if (commitFailure != null) {
            throw commitFailure;
        }
    }

    @Override
    public void transactionRollback() throws SQLException {
        events.add("connection.rollback");
        if (rollbackFailure != null) {
            throw rollbackFailure;
        }
    }

    @Override
    public void transactionEnd() {
        events.add("connection.end");
    }

    @Override
    public void transactionCheckCallback(SQLCallable<Boolean> transactionCheck) {
        this.check = transactionCheck;
    }

    @Override
    public Object getConnection() {
        return null;
    }

    @Override
    public void setFlushOnly() {
        events.add("connection.flushOnly");
    }
}
