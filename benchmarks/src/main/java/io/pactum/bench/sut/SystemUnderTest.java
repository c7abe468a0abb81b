package io.pactum.bench.sut;

import io.pactum.bench.jdbc.HandDrivenXa;
import jakarta.transaction.TransactionManager;

/**
 * A transaction manager as the harness runs it: started once per cell, in the cell's own JVM.
 * A new system (a durable log, another store) is one more implementation registered in {@link Systems}.
 */
@FunctionalInterface
public interface SystemUnderTest {
    Running start(Setup setup) throws Exception;

    /**
     * A started system: the transaction manager the workers use, how to stop it, and, when its
     * syncs happen outside this JVM (a database server), how to count them. The XA floor has no
     * transaction manager: {@code handDriven} says how its workers drive XA themselves. With
     * {@code decisionTable}, the transfer's PostgreSQL data source holds the commit decisions in
     * that table (Pactum's anchored commit).
     */
    record Running(TransactionManager transactionManager, AutoCloseable stop, SyncCounter externalSyncs,
            HandDrivenXa handDriven, String decisionTable) {
        public Running(TransactionManager transactionManager, AutoCloseable stop, SyncCounter externalSyncs) {
            this(transactionManager, stop, externalSyncs, null, null);
        }

        public Running(TransactionManager transactionManager, AutoCloseable stop) {
            this(transactionManager, stop, null, null, null);
        }

        /** No transaction manager: the workload drives XA by hand. */
        public static Running byHand(HandDrivenXa floor) {
            return new Running(null, () -> {
            }, null, floor, null);
        }

        /** The transaction manager, for a workload that needs one. */
        public TransactionManager requireTransactionManager() {
            if (transactionManager == null) {
                throw new IllegalArgumentException("this system has no transaction manager: it drives XA by hand, "
                        + "which only the transfer variant does");
            }
            return transactionManager;
        }
    }

    /** Counts the disk syncs another process (a database server) makes for this system. */
    interface SyncCounter {
        /** The measured period starts. */
        void start() throws Exception;

        /** The measured period ended: the syncs made for the system meanwhile. */
        Counted stop() throws Exception;
    }

    /** @param how where the count comes from, and what else was seen, for the report (one line) */
    record Counted(long syncs, String how) {
    }
}
