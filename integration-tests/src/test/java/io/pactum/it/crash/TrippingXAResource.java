package io.pactum.it.crash;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A driver's XAResource that tells the {@link Tripwire} when a prepare or a commit returned and
 * when a commit is about to start. The driver does the work; a halt in the tripwire comes after
 * the driver answered, so the database has done what the answer says.
 */
final class TrippingXAResource implements XAResource {
    private final Db db;
    private final XAResource driver;
    private final Tripwire tripwire;

    TrippingXAResource(Db db, XAResource driver, Tripwire tripwire) {
        this.db = db;
        this.driver = driver;
        this.tripwire = tripwire;
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        int vote = driver.prepare(xid);
        tripwire.prepared(db, xid);
        return vote;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        tripwire.committing(db, xid);
        driver.commit(xid, onePhase);
        tripwire.committed(db, xid);
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        driver.start(xid, flags);
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        driver.end(xid, flags);
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        driver.rollback(xid);
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
        return other == this;
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
