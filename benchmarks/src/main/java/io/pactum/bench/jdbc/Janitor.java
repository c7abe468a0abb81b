package io.pactum.bench.jdbc;

import io.pactum.xid.PactumXid;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * Rolls back branches a killed cell may have left prepared (they would lock its rows for the
 * next cells). Only the benchmark's own: the floor's format id, and the XIDs of the node id the
 * benchmark gives Pactum and Narayana; the servers' other users are left alone.
 */
final class Janitor {
    static final String NODE = "bench-jdbc";
    /** Narayana's XID format (XATxConverter.FORMAT_ID); its gtrid ends with the node identifier. */
    private static final int NARAYANA_FORMAT = 131077;

    private Janitor() {
    }

    static void rollBackLeftovers() throws SQLException, XAException {
        rollBackLeftovers(BenchDatabases.postgres());
        rollBackLeftovers(BenchDatabases.mysql());
    }

    private static void rollBackLeftovers(XADataSource ds) throws SQLException, XAException {
        XAConnection c = ds.getXAConnection();
        try {
            XAResource xa = c.getXAResource();
            for (Xid x : xa.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)) {
                if (ours(x)) {
                    System.err.println("janitor: rolling back a branch a killed cell left prepared: " + x);
                    xa.rollback(x);
                }
            }
        } finally {
            c.close();
        }
    }

    private static boolean ours(Xid x) {
        if (x.getFormatId() == HandDrivenXa.FORMAT_ID) {
            return true;
        }
        if (PactumXid.parse(x).filter(p -> p.globalId().nodeId().value().equals(NODE)).isPresent()) {
            return true;
        }
        return x.getFormatId() == NARAYANA_FORMAT
                && new String(x.getGlobalTransactionId(), StandardCharsets.ISO_8859_1).contains(NODE);
    }
}
