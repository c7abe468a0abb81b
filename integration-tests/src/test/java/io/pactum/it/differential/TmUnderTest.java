package io.pactum.it.differential;

import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** A transaction manager a scenario runs on: Narayana (the reference) or Pactum. */
interface TmUnderTest extends AutoCloseable {
    String name();

    TransactionManager tm();

    TransactionSynchronizationRegistry registry();

    /** Leaves the calling thread with no transaction and the default timeout, for the next scenario. */
    void resetThread();

    @Override
    void close();
}
