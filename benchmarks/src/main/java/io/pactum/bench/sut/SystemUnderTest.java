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

    /** A running total of the disk syncs another process made for this system. */
    interface SyncCounter {
        long total() throws Exception;

        /** How long the total may lag behind after the load stops (a server publishing its statistics late). */
        long settleMillis();
    }
}
