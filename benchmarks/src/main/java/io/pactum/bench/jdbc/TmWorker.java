package io.pactum.bench.jdbc;

import io.pactum.bench.workload.Workload;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import javax.sql.DataSource;

/**
 * One thread of a transaction manager's transfers: begin, one row changed through each pooled
 * data source (whose connections enlist themselves), commit. The application's code, the same
 * for every transaction manager.
 */
final class TmWorker implements Workload.Worker {
    private final TransactionManager tm;
    private final DataSource pg;
    private final DataSource my;
    private final int row;

    TmWorker(TransactionManager tm, DataSource pg, DataSource my, int row) {
        this.tm = tm;
        this.pg = pg;
        this.my = my;
        this.row = row;
    }

    @Override
    public void transaction() throws Exception {
        tm.begin();
        try {
            try (Connection c = pg.getConnection()) {
                Transfers.add(c, row, -1);
            }
            try (Connection c = my.getConnection()) {
                Transfers.add(c, row, 1);
            }
        } catch (Exception e) {
            tm.rollback();
            throw e;
        }
        tm.commit();
    }
}
