package io.pactum.bench.sut;

import io.pactum.Pactum;
import io.pactum.tx.PactumTransactionManager;

/** Pactum, built the way an application would build it. */
final class PactumSystem {
    private PactumSystem() {
    }

    /** The in-memory log: no I/O at all, so only Pactum's CPU path is measured. */
    static SystemUnderTest inMemory() {
        return setup -> {
            PactumTransactionManager tm = Pactum.builder().nodeId("bench").inMemoryLog().build();
            return new SystemUnderTest.Running(tm, tm);
        };
    }
}
