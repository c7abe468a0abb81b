package io.pactum.bench.jdbc;

import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;

/**
 * The floor: no transaction manager at all. The transfer workload sees this and drives XA by
 * hand on connections of its own (start, end, prepare, commit), with no log and no pool: what
 * the two databases cost, and nothing else.
 */
final class HandDrivenXa implements TransactionManager {
    /** The XIDs the floor makes: its own format id, so leftovers are easy to find. */
    static final int FORMAT_ID = 0x42454E43; // "BENC"

    /**
     * Whether the workers also make the two autocommit switches an Agroal pool makes around every
     * enlisted connection ({@code setAutoCommit(false)} at enlistment, {@code true} on return):
     * a diagnostic, to measure what those cost on the floor.
     */
    final boolean switchAutoCommit;

    /** Whether the workers call the two branches of a phase side by side, as Pactum may. */
    final boolean sideBySide;

    HandDrivenXa(boolean switchAutoCommit, boolean sideBySide) {
        this.switchAutoCommit = switchAutoCommit;
        this.sideBySide = sideBySide;
    }

    private static UnsupportedOperationException none() {
        return new UnsupportedOperationException("the XA floor has no transaction manager: the transfer workload "
                + "drives XA by hand");
    }

    @Override
    public void begin() {
        throw none();
    }

    @Override
    public void commit() {
        throw none();
    }

    @Override
    public int getStatus() {
        throw none();
    }

    @Override
    public Transaction getTransaction() {
        throw none();
    }

    @Override
    public void resume(Transaction tobj) {
        throw none();
    }

    @Override
    public void rollback() {
        throw none();
    }

    @Override
    public void setRollbackOnly() {
        throw none();
    }

    @Override
    public void setTransactionTimeout(int seconds) {
        throw none();
    }

    @Override
    public Transaction suspend() {
        throw none();
    }
}
