package io.pactum.bench.workload;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * An XAResource that does nothing and says yes: the transaction manager's own cost is all that
 * is left to measure. prepare votes {@code vote}; isSameRM is false, so every enlistment is a
 * branch of its own; recover finds nothing.
 */
public final class DummyResource implements XAResource {
    private static final Xid[] NONE = new Xid[0];

    private final String resourceManager;
    private final int vote;
    // Plain fields: each resource object belongs to one worker thread; read after it has ended.
    private long prepares;
    private long onePhaseCommits;
    private long twoPhaseCommits;
    private long rollbacks;

    public DummyResource(String resourceManager, int vote) {
        this.resourceManager = resourceManager;
        this.vote = vote;
    }

    public String resourceManager() {
        return resourceManager;
    }

    @Override
    public void start(Xid xid, int flags) {
    }

    @Override
    public void end(Xid xid, int flags) {
    }

    @Override
    public int prepare(Xid xid) {
        prepares++;
        return vote;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) {
        if (onePhase) {
            onePhaseCommits++;
        } else {
            twoPhaseCommits++;
        }
    }

    @Override
    public void rollback(Xid xid) {
        rollbacks++;
    }

    @Override
    public void forget(Xid xid) {
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        return NONE;
    }

    @Override
    public boolean isSameRM(XAResource other) {
        return false;
    }

    @Override
    public int getTransactionTimeout() {
        return 0;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) {
        return false;
    }

    /** The calls it received, to check that a transaction manager really ran the protocol. */
    public String calls() {
        return resourceManager + ": prepare=" + prepares + " commit(1pc)=" + onePhaseCommits + " commit(2pc)="
                + twoPhaseCommits + " rollback=" + rollbacks;
    }

    @Override
    public String toString() {
        return "DummyResource[" + resourceManager + "]";
    }
}
