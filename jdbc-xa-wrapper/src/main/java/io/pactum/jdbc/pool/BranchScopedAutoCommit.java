package io.pactum.jdbc.pool;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * XA connections whose autocommit, while a branch is active on them, is kept on the client. For
 * servers that run an XA branch as one transaction whatever the session's autocommit (MySQL and
 * MariaDB: {@code XA START} opens it, {@code XA COMMIT} or {@code XA ROLLBACK} closes it), the
 * switch a pool makes when a connection joins a transaction ({@code setAutoCommit(false)}) and
 * the one when it comes back ({@code setAutoCommit(true)}) are two round trips per branch that
 * change nothing.
 *
 * <p>From a successful {@code start} to the branch's {@code commit} or {@code rollback} (or a
 * read-only vote), {@code setAutoCommit} only changes what {@code getAutoCommit} says; when the
 * branch ends, the connection's autocommit is the server's again, as before the branch. pgjdbc
 * does the same for its branches. Outside a branch every call goes to the driver, so local
 * transactions outside JTA behave as ever; a switch to the value the driver already has is not
 * sent. The pool must take its connection out of autocommit after {@code start}, not before
 * (see {@link PooledXAResource#start}).
 */
public final class BranchScopedAutoCommit extends ForwardingXADataSource {
    private BranchScopedAutoCommit(XADataSource driver) {
        super(driver);
    }

    /** The driver's data source, with every XA connection it opens keeping autocommit as above. */
    public static XADataSource around(XADataSource driver) {
        return new BranchScopedAutoCommit(driver);
    }

    @Override
    protected XAConnection wrap(XAConnection physical) throws SQLException {
        return new Session(physical);
    }

    /** One physical connection: its branch, and the autocommit its handles see during the branch. */
    private static final class Session extends ForwardingXAConnection {
        private final XAResource resource;
        /** The active branch, or null. */
        private Xid branch;
        /** What {@code getAutoCommit} says during the branch; null: what the driver says. */
        private Boolean branchAutoCommit;

        Session(XAConnection physical) throws SQLException {
            super(physical);
            this.resource = new Resource(physical.getXAResource());
        }

        private synchronized void started(Xid xid) {
            branch = xid;
            branchAutoCommit = null;
        }

        private synchronized void ended(Xid xid) {
            if (branch != null && sameXid(xid, branch)) {
                branch = null;
                branchAutoCommit = null;
            }
        }

        /** True when the value was kept for the branch; false: the caller goes to the driver. */
        private synchronized boolean keep(boolean autoCommit) {
            if (branch == null) {
                return false;
            }
            branchAutoCommit = autoCommit;
            return true;
        }

        /** The value kept for the branch, or null. */
        private synchronized Boolean kept() {
            return branch == null ? null : branchAutoCommit;
        }

        private static boolean sameXid(Xid a, Xid b) {
            return a == b || (a.getFormatId() == b.getFormatId()
                    && Arrays.equals(a.getGlobalTransactionId(), b.getGlobalTransactionId())
                    && Arrays.equals(a.getBranchQualifier(), b.getBranchQualifier()));
        }

        @Override
        public Connection getConnection() throws SQLException {
            return new Handle(physical.getConnection());
        }

        @Override
        public XAResource getXAResource() {
            return resource;
        }

        private final class Handle extends ForwardingConnection {
            Handle(Connection delegate) {
                super(delegate);
            }

            @Override
            public void setAutoCommit(boolean autoCommit) throws SQLException {
                if (!keep(autoCommit) && delegate.getAutoCommit() != autoCommit) {
                    delegate.setAutoCommit(autoCommit);
                }
            }

            @Override
            public boolean getAutoCommit() throws SQLException {
                Boolean kept = kept();
                return kept != null ? kept : delegate.getAutoCommit();
            }
        }

        private final class Resource implements XAResource {
            private final XAResource driver;

            Resource(XAResource driver) {
                this.driver = driver;
            }

            @Override
            public void start(Xid xid, int flags) throws XAException {
                driver.start(xid, flags);
                if (flags == TMNOFLAGS) {
                    started(xid);
                }
            }

            @Override
            public void end(Xid xid, int flags) throws XAException {
                driver.end(xid, flags);
            }

            @Override
            public int prepare(Xid xid) throws XAException {
                int vote = driver.prepare(xid);
                if (vote == XA_RDONLY) {
                    ended(xid);
                }
                return vote;
            }

            @Override
            public void commit(Xid xid, boolean onePhase) throws XAException {
                try {
                    driver.commit(xid, onePhase);
                } finally {
                    ended(xid);
                }
            }

            @Override
            public void rollback(Xid xid) throws XAException {
                try {
                    driver.rollback(xid);
                } finally {
                    ended(xid);
                }
            }

            @Override
            public void forget(Xid xid) throws XAException {
                driver.forget(xid);
            }

            @Override
            public Xid[] recover(int flag) throws XAException {
                return driver.recover(flag);
            }

            @Override
            public boolean isSameRM(XAResource other) throws XAException {
                return driver.isSameRM(other instanceof Resource r ? r.driver : other);
            }

            @Override
            public int getTransactionTimeout() throws XAException {
                return driver.getTransactionTimeout();
            }

            @Override
            public boolean setTransactionTimeout(int seconds) throws XAException {
                return driver.setTransactionTimeout(seconds);
            }
        }
    }
}
