package io.pactum.jdbc.pool;

import io.agroal.api.transaction.TransactionAware;
import io.pactum.jdbc.dialect.Dialect;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The branch of one pooled XA connection. Besides what {@link DriverXAResource} does, it tells
 * the pooled connection (Agroal's {@link TransactionAware}) when its transaction starts and
 * ends, and marks it to be destroyed rather than pooled after any XA error: a driver's XA state
 * after a failure is unknown (pgjdbc, for one, keeps a branch whose prepare failed).
 */
class PooledXAResource extends DriverXAResource {
    private final TransactionAware connection;
    private final boolean autoCommitAfterStart;
    private volatile boolean touched;
    private volatile boolean broken;

    PooledXAResource(XAResource driver, TransactionAware connection, String name, Dialect dialect) {
        super(driver, name, dialect);
        this.connection = connection;
        this.autoCommitAfterStart = dialect.branchIgnoresAutoCommit();
    }

    /**
     * Takes the connection out of auto-commit around the branch's start: before it where the
     * driver refuses {@code setAutoCommit} once its branch is active (pgjdbc), after it where the
     * branch keeps the switch on the client ({@link Dialect#branchIgnoresAutoCommit()}).
     */
    @Override
    public void start(Xid xid, int flags) throws XAException {
        touched = true;
        boolean newBranch = flags == TMNOFLAGS;
        if (newBranch && !autoCommitAfterStart) {
            leaveAutoCommit();
        }
        super.start(xid, flags);
        if (newBranch && autoCommitAfterStart) {
            leaveAutoCommit();
        }
    }

    private void leaveAutoCommit() throws XAException {
        try {
            connection.transactionStart();
        } catch (SQLException e) {
            XAException failure = new XAException("cannot take the connection out of auto-commit for the branch: "
                    + e);
            failure.errorCode = XAException.XAER_RMFAIL;
            failure.initCause(e);
            failed(failure);
            throw failure;
        }
    }

    /** The application is done with the branch: handles it left open are closed now. */
    @Override
    public void end(Xid xid, int flags) throws XAException {
        if (flags != TMSUSPEND) {
            connection.transactionBeforeCompletion(flags != TMFAIL);
        }
        super.end(xid, flags);
    }

    @Override
    protected void failed(XAException failure) {
        broken = true;
        connection.setFlushOnly();
    }

    /** The pooled connection this branch runs on. */
    final TransactionAware connection() {
        return connection;
    }

    /** Whether an XA call reached the connection: then a failed enlistment must not pool it as it is. */
    boolean touchedConnection() {
        return touched;
    }

    /** Whether an XA call failed: the connection is destroyed when it comes back. */
    boolean isBroken() {
        return broken;
    }
}
