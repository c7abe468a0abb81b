package io.pactum.bench.sut;

import io.pactum.Pactum;
import io.pactum.log.jdbc.PostgresLog;
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

    /**
     * The file journal in the cell's directory on the real disk. Recovery scans are off, as
     * Narayana's recovery manager is not started: there is nothing to recover in a fresh log.
     */
    static SystemUnderTest fileJournal() {
        return setup -> {
            PactumTransactionManager tm = Pactum.builder().nodeId("bench")
                    .logDirectory(setup.diskDir().resolve("pactum")).recovery(false).build();
            return new SystemUnderTest.Running(tm, tm);
        };
    }

    /**
     * The PostgreSQL store, in a table of its own for this cell (dropped afterwards). Its syncs
     * are the server's WAL syncs, so they are counted there.
     */
    static SystemUnderTest postgres() {
        return setup -> {
            BenchDatabase db = BenchDatabase.fromSystemProperties();
            String table = db.freshTableName("bench_log");
            PostgresLog log = PostgresLog.builder(db.dataSource()).nodeId("bench").table(table).build();
            PactumTransactionManager tm = Pactum.builder().nodeId("bench").logStore(log).recovery(false).build();
            return new SystemUnderTest.Running(tm, () -> {
                tm.close();
                db.dropTable(table);
            }, db.syncCounter());
        };
    }
}
