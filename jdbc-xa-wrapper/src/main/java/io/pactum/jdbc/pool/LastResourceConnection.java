package io.pactum.jdbc.pool;

import io.agroal.api.transaction.TransactionAware;
import io.pactum.jdbc.dialect.Dialect;
import io.pactum.xa.LastResource;
import io.pactum.xa.NamedXAResource;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A non-XA pooled connection in a transaction: a local database transaction that the
 * transaction manager commits last, in one phase (see {@link LastResource}). It cannot prepare
 * and has nothing to recover.
 */
final class LastResourceConnection implements LastResource, NamedXAResource {
    private final TransactionAware connection;
    private final String name;
    private final Dialect dialect;
    private final boolean allowsOtherLastResources;
    private volatile boolean touched;

    LastResourceConnection(TransactionAware connection, String name, Dialect dialect, boolean allowsOtherLastResources) {
        this.connection = connection;
        this.name = name;
        this.dialect = dialect;
        this.allowsOtherLastResources = allowsOtherLastResources;
    }

    /** Whether this data source accepts another last resource in the same transaction. */
    boolean allowsOtherLastResources() {
        return allowsOtherLastResources;
    }

    boolean touchedConnection() {
        return touched;
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        touched = true;
        if (flags != TMNOFLAGS) {
            return; // joined or resumed: the local transaction simply goes on
        }
        try {
            connection.transactionStart();
        } catch (SQLException e) {
            throw failure("cannot begin the local transaction", e, XAException.XAER_RMFAIL);
        }
    }

    @Override
    public void end(Xid xid, int flags) {
        if (flags != TMSUSPEND) {
            connection.transactionBeforeCompletion(flags != TMFAIL);
        }
    }

    /** Never called by Pactum; a transaction manager that prepares it would break its guarantee. */
    @Override
    public int prepare(Xid xid) throws XAException {
        XAException e = new XAException("data source " + name + " is not XA and cannot prepare: the transaction "
                + "manager must commit it last, in one phase (io.pactum.xa.LastResource)");
        e.errorCode = XAException.XAER_PROTO;
        throw e;
    }

    /**
     * A commit the database refused rolled the local transaction back; a lost connection leaves
     * its outcome unknown.
     */
    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        try {
            connection.transactionCommit();
        } catch (SQLException e) {
            throw failure("the local commit failed", e,
                    dialect.isConnectionLost(e) ? XAException.XAER_RMFAIL : XAException.XA_RBROLLBACK);
        }
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        try {
            connection.transactionRollback();
        } catch (SQLException e) {
            // The connection is destroyed, and the server rolls back what it held.
            throw failure("the local rollback failed", e, XAException.XAER_RMFAIL);
        }
    }

    private XAException failure(String what, SQLException cause, int code) {
        connection.setFlushOnly();
        XAException e = new XAException("data source " + name + ": " + what + ": " + cause.getMessage());
        e.errorCode = code;
        e.initCause(cause);
        return e;
    }

    @Override
    public void forget(Xid xid) {
        // a local transaction leaves nothing to forget
    }

    @Override
    public Xid[] recover(int flag) {
        return new Xid[0];
    }

    @Override
    public boolean isSameRM(XAResource other) {
        return other == this;
    }

    @Override
    public int getTransactionTimeout() {
        return 0;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) {
        return false;
    }

    @Override
    public String resourceName() {
        return name;
    }

    @Override
    public boolean joinAllowed() {
        return false;
    }

    @Override
    public String toString() {
        return name + " (last resource)";
    }
}
