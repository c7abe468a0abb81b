package io.pactum.tx;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transaction;
import javax.transaction.xa.XAResource;

/** A Transaction some other transaction manager made. */
final class ForeignTransaction implements Transaction {
    @Override
    public void commit() {
    }

    @Override
    public boolean delistResource(XAResource resource, int flag) {
        return false;
    }

    @Override
    public boolean enlistResource(XAResource resource) {
        return false;
    }

    @Override
    public int getStatus() {
        return Status.STATUS_ACTIVE;
    }

    @Override
    public void registerSynchronization(Synchronization sync) {
    }

    @Override
    public void rollback() {
    }

    @Override
    public void setRollbackOnly() {
    }

    @Override
    public String toString() {
        return "foreign transaction";
    }
}
