package io.pactum.bench.sut;

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
     * syncs happen outside this JVM (a database server), how to count them.
     */
    record Running(TransactionManager transactionManager, AutoCloseable stop, SyncCounter externalSyncs) {
        public Running(TransactionManager transactionManager, AutoCloseable stop) {
            this(transactionManager, stop, null);
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
