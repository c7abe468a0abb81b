package io.pactum.jdbc.pool;

import io.agroal.api.transaction.TransactionAware;
import io.pactum.jdbc.JdbcMessage;
import io.pactum.tx.PactumTransaction;
import jakarta.transaction.Synchronization;
import java.sql.SQLException;

/**
 * Gives an enlisted connection back to its pool once its transaction has completed, as an
 * interposed synchronization: before the application's own afterCompletion callbacks run.
 */
final class ReturnToPool implements Synchronization {
    private final PactumTransactionIntegration integration;
    private final TransactionAware connection;
    private final PactumTransaction tx;
    private volatile boolean disarmed;

    ReturnToPool(PactumTransactionIntegration integration, TransactionAware connection, PactumTransaction tx) {
        this.integration = integration;
        this.connection = connection;
        this.tx = tx;
    }

    /** The enlistment failed: the connection is not this synchronization's to return. */
    void disarm() {
        disarmed = true;
    }

    @Override
    public void beforeCompletion() {
        // the branch ends (and open handles close) when the transaction manager ends it
    }

    @Override
    public void afterCompletion(int status) {
        if (disarmed) {
            return;
        }
        integration.completed(connection);
        if (tx.isTimedOut()) {
            // The reaper rolled it back; its owner may still be using the connection. Never
            // hand it to another thread.
            connection.setFlushOnly();
        }
        try {
            connection.transactionEnd();
        } catch (SQLException e) {
            JdbcMessage.RETURN_FAILED.log(e, integration.name(), tx);
        }
    }
}
