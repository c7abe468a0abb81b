package io.pactum.bench.jdbc;

import io.pactum.bench.workload.ResourceManager;
import io.pactum.bench.workload.Workload;
import io.pactum.bench.sut.SystemUnderTest;
import jakarta.transaction.TransactionManager;
import java.util.List;

/**
 * The JDBC transfer: per transaction one row changed in PostgreSQL and one in MariaDB, each
 * thread on a row pair of its own (so that row locks never make threads wait for each other).
 * With Pactum or Narayana the rows are changed through their pooled data sources; with the
 * {@code xa-floor} system the workers drive XA by hand ({@link HandDrivenWorker}).
 */
public final class TransferWorkload implements Workload {
    private int workers;
    private Pools pools;

    @Override
    public List<ResourceManager> resourceManagers() {
        return List.of(); // the data sources register themselves, where a transaction manager wants that
    }

    @Override
    public synchronized Worker newWorker(SystemUnderTest.Running system) throws Exception {
        if (workers == 0) {
            BenchDatabases.prepareTables();
            Janitor.rollBackLeftovers();
        }
        int row = workers++;
        if (row >= BenchDatabases.ROWS) {
            throw new IllegalArgumentException("the transfer variant has rows for " + BenchDatabases.ROWS + " threads");
        }
        HandDrivenXa floor = system.handDriven();
        if (floor != null) {
            return new HandDrivenWorker(row, floor.switchAutoCommit(), floor.sideBySide());
        }
        TransactionManager tm = system.requireTransactionManager();
        if (pools == null) {
            pools = Pools.forTransactionManager(tm, system.decisionTable());
        }
        return new TmWorker(tm, pools.pg(), pools.my(), row);
    }
}
