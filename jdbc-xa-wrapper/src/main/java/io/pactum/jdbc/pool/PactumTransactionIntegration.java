package io.pactum.jdbc.pool;

import io.agroal.api.transaction.TransactionAware;
import io.agroal.api.transaction.TransactionIntegration;
import io.pactum.jdbc.dialect.Dialect;
import io.pactum.recovery.RecoverableResource;
import io.pactum.twopc.Branch;
import io.pactum.tx.PactumTransaction;
import io.pactum.tx.PactumTransactionManager;
import io.pactum.xa.LastResource;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.transaction.xa.XAResource;

/**
 * How one data source's Agroal pool and a Pactum transaction manager cooperate.
 *
 * <p>The first connection a transaction asks for is enlisted as one branch and remembered in
 * the transaction (under this data source's key); every later {@code getConnection()} of the
 * same transaction gets a handle on that same pooled connection (Agroal asks
 * {@link #getTransactionAware()} first). Closing a handle ends nothing: an interposed
 * synchronization returns the connection to the pool after the transaction completed. Outside a
 * transaction connections are ordinary auto-commit connections, and one taken outside may not
 * be used inside a transaction later (Agroal refuses "deferred enlistment").
 */
public final class PactumTransactionIntegration implements TransactionIntegration {
    private final PactumTransactionManager tm;
    private final TransactionSynchronizationRegistry registry;
    private final String name;
    private final Dialect dialect;
    private final boolean allowOtherLastResources;
    private final RecoverableResource recoverable;
    /** This data source's entry in a transaction's resources: its enlisted connection. */
    private final Object key = new Object();
    /** Connections enlisted in an unfinished transaction: they must not go back to the pool. */
    private final Set<TransactionAware> enlisted = ConcurrentHashMap.newKeySet();
    private volatile boolean registered;
    private volatile RuntimeException registrationFailure;

    /**
     * @param recoverable how recovery reaches this data source; null for a non-XA data source,
     *                    which joins transactions as their last resource
     */
    public PactumTransactionIntegration(PactumTransactionManager tm, String name, Dialect dialect,
            RecoverableResource recoverable, boolean allowOtherLastResources) {
        this.tm = tm;
        this.registry = tm.synchronizationRegistry();
        this.name = name;
        this.dialect = dialect;
        this.recoverable = recoverable;
        this.allowOtherLastResources = allowOtherLastResources;
    }

    @Override
    public TransactionAware getTransactionAware() throws SQLException {
        PactumTransaction tx = activeTransaction();
        return tx == null ? null : (TransactionAware) registry.getResource(key);
    }

    @Override
    public void associate(TransactionAware connection, XAResource xaResource) throws SQLException {
        PactumTransaction tx = activeTransaction();
        if (tx == null) {
            connection.transactionCheckCallback(() -> activeTransaction() != null);
            return;
        }
        if (registry.getResource(key) != connection) {
            enlist(tx, connection, xaResource);
        }
        connection.transactionCheckCallback(() -> !isFinished(tx));
    }

    /**
     * The thread's transaction when it takes work (active, or marked rollback-only); null when
     * there is none or it is completing. A transaction the reaper rolled back behind its
     * thread's back gets no connection at all: work done on an auto-commit one would escape it.
     */
    public PactumTransaction activeTransaction() throws SQLException {
        PactumTransaction tx = tm.getTransaction();
        if (tx == null) {
            return null;
        }
        if (tx.isTimedOut()) {
            throw new SQLException("transaction " + tx + " timed out after " + tx.timeoutSeconds()
                    + " s and was rolled back: data source " + name + " gives it no connection. Roll it back and "
                    + "begin a new one", "25000");
        }
        int status = tx.getStatus();
        return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK ? tx : null;
    }

    private static boolean isFinished(PactumTransaction tx) {
        int status = tx.getStatus();
        return status == Status.STATUS_COMMITTED || status == Status.STATUS_ROLLEDBACK
                || status == Status.STATUS_UNKNOWN || status == Status.STATUS_NO_TRANSACTION;
    }

    private void enlist(PactumTransaction tx, TransactionAware connection, XAResource driver) throws SQLException {
        XAResource branch = driver == null ? lastResource(tx, connection)
                : recoverable instanceof DecisionTable table
                ? new AnchorXAResource(driver, connection, name, dialect, table)
                : new PooledXAResource(driver, connection, name, dialect);
        ReturnToPool returnToPool = new ReturnToPool(this, connection, tx);
        try {
            registry.registerInterposedSynchronization(returnToPool);
            registry.putResource(key, connection);
            enlisted.add(connection);
            tx.enlistResource(branch);
        } catch (RollbackException | SystemException | RuntimeException e) {
            undoEnlistment(returnToPool, connection, branch, e);
            throw new SQLException("data source " + name + " could not join transaction " + tx + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * A failed enlistment leaves no trace in the transaction. A connection whose branch was
     * never started goes back to the pool as it was (Agroal does that); one that an XA call
     * reached is destroyed, since its state is unknown.
     */
    private void undoEnlistment(ReturnToPool returnToPool, TransactionAware connection, XAResource branch,
            Exception failure) {
        returnToPool.disarm();
        enlisted.remove(connection);
        if (registry.getResource(key) == connection) {
            registry.putResource(key, null);
        }
        boolean touched = branch instanceof PooledXAResource p ? p.touchedConnection()
                : ((LastResourceConnection) branch).touchedConnection();
        if (touched) {
            connection.setFlushOnly();
            try {
                connection.transactionEnd();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /**
     * A non-XA connection joins as the transaction's last resource. A second one would break
     * the guarantee (only one resource can commit without preparing), so it is refused unless
     * both data sources allow it.
     */
    private LastResourceConnection lastResource(PactumTransaction tx, TransactionAware connection)
            throws SQLException {
        for (Branch b : tx.branches()) {
            if (b.resource() instanceof LastResource) {
                boolean otherAllows = b.resource() instanceof LastResourceConnection l && l.allowsOtherLastResources();
                if (!(allowOtherLastResources && otherAllows)) {
                    throw new SQLException("data source " + name + " cannot join transaction " + tx + ": it is not XA, "
                            + "and data source " + b.resourceName() + " is already the transaction's last resource. "
                            + "Only one non-XA data source can safely commit last: make one of them XA, or call "
                            + "allowOtherLastResources(true) on both (their commits are then not atomic with each other)",
                            "25000");
                }
            }
        }
        return new LastResourceConnection(connection, name, dialect, allowOtherLastResources);
    }

    /** Called by {@link ReturnToPool} once the transaction has completed. */
    void completed(TransactionAware connection) {
        enlisted.remove(connection);
    }

    String name() {
        return name;
    }

    @Override
    public boolean disassociate(TransactionAware connection) {
        return !enlisted.contains(connection);
    }

    /**
     * Agroal starts its pool: the data source registers for recovery under its name. Recovery
     * opens connections of its own through {@code recoverable} rather than through Agroal's
     * factory: with no separate recovery credentials that factory is the pool itself, whose
     * connections count against {@code maxPoolSize} and wait behind the application's. Never
     * throws into Agroal; {@link #checkRegistered()} reports a failure.
     */
    @Override
    public void addResourceRecoveryFactory(ResourceRecoveryFactory factory) {
        if (recoverable == null) {
            return;
        }
        try {
            tm.registerRecoverable(recoverable);
            registered = true;
        } catch (RuntimeException e) {
            registrationFailure = e;
        }
    }

    @Override
    public void removeResourceRecoveryFactory(ResourceRecoveryFactory factory) {
        if (registered) {
            registered = false;
            tm.unregisterRecoverable(name);
        }
    }

    /** Throws the failure of the recovery registration, if it failed. */
    public void checkRegistered() {
        if (registrationFailure != null) {
            throw registrationFailure;
        }
    }

    /** Whether this data source is in a recovery registry. */
    public boolean isRegisteredForRecovery() {
        return registered;
    }

    /** How many connections are enlisted in unfinished transactions right now. */
    public int enlistedCount() {
        return enlisted.size();
    }
}
