package io.pactum.bench.sut;

import jakarta.transaction.TransactionManager;

/**
 * A transaction manager as the harness runs it: started once per cell, in the cell's own JVM.
 * A new system (a durable log, another store) is one more implementation registered in {@link Systems}.
 */
@FunctionalInterface
public interface SystemUnderTest {
    Running start(Setup setup) throws Exception;

    /** A started system: the transaction manager the workers use, and how to stop it. */
    record Running(TransactionManager transactionManager, AutoCloseable stop) {
    }
}
