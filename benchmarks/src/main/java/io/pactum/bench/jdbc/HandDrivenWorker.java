package io.pactum.bench.jdbc;

import io.pactum.bench.workload.Workload;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * One thread of the floor: its own XA connection to each server for its whole life, and per
 * transaction exactly the XA calls a transaction manager must make for two branches (start, end,
 * prepare, commit on each), with nothing written anywhere.
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

    HandDrivenWorker(int row, boolean switchAutoCommit) throws SQLException {
        this.row = row;
        this.switchAutoCommit = switchAutoCommit;
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
        if (helper != null) {
            java.util.concurrent.Future<Integer> other = helper.submit(() -> myXa.prepare(b));
            int pgVote = pgXa.prepare(a);
            if (pgVote != XAResource.XA_OK || get(other) != XAResource.XA_OK) {
                throw new IllegalStateException("a branch voted read-only, but both changed a row");
            }
            java.util.concurrent.Future<Integer> done = helper.submit(() -> {
                myXa.commit(b, false);
                return 0;
            });
            pgXa.commit(a, false);
            get(done);
        } else {
        if (pgXa.prepare(a) != XAResource.XA_OK || myXa.prepare(b) != XAResource.XA_OK) {
            throw new IllegalStateException("a branch voted read-only, but both changed a row");
        }
        pgXa.commit(a, false);
        myXa.commit(b, false);
        }
        autoCommit(pgConnection, true);
        autoCommit(myConnection, true);
    }

    private static int get(java.util.concurrent.Future<Integer> f) throws XAException {
        try {
            return f.get();
        } catch (Exception e) {
            throw (XAException) new XAException(e.toString()).initCause(e);
        }
    }

    private final java.util.concurrent.ExecutorService helper = Boolean.getBoolean("bench.floor.parallel")
            ? java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r);
                t.setDaemon(true);
                return t;
            }) : null;

    private void autoCommit(Connection c, boolean on) throws SQLException {
        if (switchAutoCommit) {
            c.setAutoCommit(on);
        }
    }
}
