package io.pactum.it.differential;

import io.pactum.Pactum;
import io.pactum.tx.PactumTransactionManager;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;

/** A fresh Pactum per scenario, with an in-memory log and a fast reaper. */
final class PactumTm implements TmUnderTest {
    private final PactumTransactionManager tm = Pactum.builder()
            .nodeId("differential")
            .inMemoryLog()
            .retryDelay(Duration.ZERO)
            .reaperInterval(Duration.ofMillis(50))
            .parallelPhases(0) // Narayana calls its branches one after another: traces compare call by call
            .build();

    @Override
    public String name() {
        return "Pactum";
    }

    @Override
    public TransactionManager tm() {
        return tm;
    }

    @Override
    public TransactionSynchronizationRegistry registry() {
        return tm.synchronizationRegistry();
    }

    @Override
    public void resetThread() {
        tm.suspend();
        try {
            tm.setTransactionTimeout(0);
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        resetThread();
        tm.close();
    }
}
