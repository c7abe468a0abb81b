package io.pactum.bench.jdbc;

import io.pactum.bench.workload.Workload;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * One thread of the floor: its own XA connection to each server for its whole life, and per
 * transaction exactly the XA calls a transaction manager must make for two branches (start, end,
 * prepare, commit on each), with nothing written anywhere. Side by side, each phase sends
 * MariaDB's call from a helper thread while PostgreSQL's runs on the worker.
 */
final class HandDrivenWorker implements Workload.Worker {
    private final int row;
    private final XAConnection pg;
    private final XAConnection my;
    private final Connection pgConnection;
    private final Connection myConnection;
    private final XAResource pgXa;
    private final XAResource myXa;
    private final boolean switchAutoCommit;
    /** The MariaDB branch's prepare and commit run here, side by side with PostgreSQL's; null: one after another. */
    private final ExecutorService helper;
    private long sequence;

    record BenchXid(byte[] gtrid, byte[] bqual) implements Xid {
        @Override
        public int getFormatId() {
            return HandDrivenXa.FORMAT_ID;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return gtrid;
        }

        @Override
        public byte[] getBranchQualifier() {
            return bqual;
        }
    }

    HandDrivenWorker(int row, boolean switchAutoCommit, boolean sideBySide) throws SQLException {
        this.row = row;
        this.switchAutoCommit = switchAutoCommit;
        this.helper = sideBySide ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bench-floor-helper-" + row);
            t.setDaemon(true);
            return t;
        }) : null;
        pg = BenchDatabases.postgres().getXAConnection();
        my = BenchDatabases.mysql().getXAConnection();
        pgConnection = pg.getConnection();
        myConnection = my.getConnection();
        pgXa = pg.getXAResource();
        myXa = my.getXAResource();
    }

    @Override
    public void transaction() throws SQLException, XAException {
        byte[] gtrid = ByteBuffer.allocate(16).putLong(ProcessHandle.current().pid() << 16 | row).putLong(++sequence)
                .array();
        Xid a = new BenchXid(gtrid, new byte[] {1});
        Xid b = new BenchXid(gtrid, new byte[] {2});
        autoCommit(pgConnection, false); // as Agroal does, before the branch starts
        pgXa.start(a, XAResource.TMNOFLAGS);
        Transfers.add(pgConnection, row, -1);
        autoCommit(myConnection, false);
        myXa.start(b, XAResource.TMNOFLAGS);
        Transfers.add(myConnection, row, 1);
        pgXa.end(a, XAResource.TMSUCCESS);
        myXa.end(b, XAResource.TMSUCCESS);
        if (helper == null) {
            if (pgXa.prepare(a) != XAResource.XA_OK || myXa.prepare(b) != XAResource.XA_OK) {
                throw new IllegalStateException("a branch voted read-only, but both changed a row");
            }
            pgXa.commit(a, false);
            myXa.commit(b, false);
        } else {
            Future<Integer> myVote = helper.submit(() -> myXa.prepare(b));
            int pgVote = pgXa.prepare(a);
            if (pgVote != XAResource.XA_OK || answer(myVote) != XAResource.XA_OK) {
                throw new IllegalStateException("a branch voted read-only, but both changed a row");
            }
            Future<Integer> myCommit = helper.submit(() -> {
                myXa.commit(b, false);
                return XAResource.XA_OK;
            });
            pgXa.commit(a, false);
            answer(myCommit);
        }
        autoCommit(pgConnection, true);
        autoCommit(myConnection, true);
    }

    private static int answer(Future<Integer> call) throws XAException {
        try {
            return call.get();
        } catch (InterruptedException | ExecutionException e) {
            throw (XAException) new XAException("the MariaDB call failed: " + e).initCause(e);
        }
    }

    private void autoCommit(Connection c, boolean on) throws SQLException {
        if (switchAutoCommit) {
            c.setAutoCommit(on);
        }
    }
}
