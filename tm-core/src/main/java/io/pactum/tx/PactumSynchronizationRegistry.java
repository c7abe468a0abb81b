package io.pactum.tx;

import jakarta.transaction.RollbackException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** The {@link TransactionSynchronizationRegistry} of one transaction manager, for frameworks. */
final class PactumSynchronizationRegistry implements TransactionSynchronizationRegistry {
    private final PactumTransactionManager tm;

    PactumSynchronizationRegistry(PactumTransactionManager tm) {
        this.tm = tm;
    }

    @Override
    public Object getTransactionKey() {
        PactumTransaction tx = tm.getTransaction();
        return tx == null ? null : tx.globalId();
    }

    @Override
    public void putResource(Object key, Object value) {
        required().putResource(key, value);
    }

    @Override
    public Object getResource(Object key) {
        return required().getResource(key);
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
        try {
            required().register(sync, true);
        } catch (RollbackException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public int getTransactionStatus() {
        return tm.getStatus();
    }

    @Override
    public void setRollbackOnly() {
        required().setRollbackOnly();
    }

    @Override
    public boolean getRollbackOnly() {
        return required().isRollbackOnly();
    }

    private PactumTransaction required() {
        PactumTransaction tx = tm.getTransaction();
        if (tx == null) {
            throw new IllegalStateException("this thread has no transaction");
        }
        return tx;
    }
}
