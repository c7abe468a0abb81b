package io.pactum.testing;

import io.pactum.recovery.DecisionAnchor;
import io.pactum.xa.AnchorBranch;
import io.pactum.xid.GlobalId;
import io.pactum.xid.PactumXid;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A resource manager that anchors decisions, in memory, as a database with a decision table
 * would: a decision written into a branch becomes durable when that branch commits and vanishes
 * when it rolls back; asking about a transaction whose branch is still open cannot be answered
 * ({@link #committed} throws, as a lock wait that timed out); asking about one with no decision
 * writes a refusal. Its XA calls go to a {@link ScriptedResource}, which scripts and traces them.
 */
public final class ScriptedAnchor implements DecisionAnchor {
    private final ScriptedResource rm;
    private final Trace trace;
    private final Branch branch = new Branch();
    /** The open branches, by XID, with the decision written into them (a commit) or none yet. */
    private final Map<Xid, Decision> open = new LinkedHashMap<>();
    private final Map<GlobalId, Decision> durable = new LinkedHashMap<>();
    private final Set<GlobalId> finished = new LinkedHashSet<>();
    private boolean loseCommitAnswer;
    private boolean unreachable;

    public ScriptedAnchor(ScriptedResource rm, Trace trace) {
        this.rm = rm;
        this.trace = trace;
    }

    /** The branch resource a transaction enlists. */
    public AnchorBranch branch() {
        return branch;
    }

    public ScriptedResource rm() {
        return rm;
    }

    /** The next one-phase commit commits, and then its answer is lost (XAER_RMFAIL). */
    public synchronized ScriptedAnchor loseCommitAnswer() {
        loseCommitAnswer = true;
        return this;
    }

    /** Whether {@link #committed}, {@link #decisions} and {@link #forget} fail, as a server that is down. */
    public synchronized ScriptedAnchor unreachable(boolean down) {
        unreachable = down;
        return this;
    }

    /** The decisions and refusals it holds durably. */
    public synchronized Map<GlobalId, Decision> durable() {
        return new LinkedHashMap<>(durable);
    }

    public synchronized Set<GlobalId> finished() {
        return new LinkedHashSet<>(finished);
    }

    @Override
    public String name() {
        return rm.resourceName();
    }

    @Override
    public Session open() {
        return new Session() {
            @Override
            public XAResource xaResource() {
                return branch;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public synchronized boolean committed(GlobalId id) throws Exception {
        trace.add(name() + ".ask");
        checkReachable();
        for (Map.Entry<Xid, Decision> e : open.entrySet()) {
            if (e.getValue().committed() && e.getValue().id().equals(id)) {
                throw new Exception("lock wait timeout: the transaction's own branch is still open");
            }
        }
        Decision d = durable.get(id);
        if (d == null) {
            durable.put(id, new Decision(id, false, Set.of()));
            return false;
        }
        return d.committed();
    }

    @Override
    public synchronized List<Decision> decisions() throws Exception {
        checkReachable();
        return new ArrayList<>(durable.values());
    }

    @Override
    public synchronized void forget(Collection<GlobalId> ids) throws Exception {
        checkReachable();
        trace.add(name() + ".forget" + ids.size());
        ids.forEach(durable::remove);
    }

    @Override
    public synchronized void finished(GlobalId id) {
        finished.add(id);
        durable.remove(id);
    }

    private void checkReachable() throws Exception {
        if (unreachable) {
            throw new Exception(name() + " is unreachable");
        }
    }

    private synchronized void settle(Xid xid, boolean committed) {
        Decision d = open.remove(xid);
        if (d != null && d.committed() && committed) {
            durable.put(d.id(), d);
        }
    }

    /** Its branch: XA goes to the scripted resource; a decision follows the branch's fate. */
    private final class Branch implements AnchorBranch {
        @Override
        public String resourceName() {
            return rm.resourceName();
        }

        @Override
        public void recordDecision(GlobalId id, Collection<String> resources) {
            trace.add(name() + ".decision(" + String.join(",", resources) + ")");
            synchronized (ScriptedAnchor.this) {
                for (Xid x : open.keySet()) {
                    if (PactumXid.parse(x).orElseThrow().globalId().equals(id)) {
                        open.put(x, new Decision(id, true, new LinkedHashSet<>(resources)));
                    }
                }
            }
        }

        @Override
        public void start(Xid xid, int flags) throws XAException {
            rm.start(xid, flags);
            synchronized (ScriptedAnchor.this) {
                open.putIfAbsent(xid, new Decision(PactumXid.parse(xid).orElseThrow().globalId(), false, Set.of()));
            }
        }

        @Override
        public void end(Xid xid, int flags) throws XAException {
            rm.end(xid, flags);
        }

        @Override
        public int prepare(Xid xid) throws XAException {
            return rm.prepare(xid);
        }

        @Override
        public void commit(Xid xid, boolean onePhase) throws XAException {
            try {
                rm.commit(xid, onePhase);
            } catch (XAException e) {
                settle(xid, false); // the server rolled back the open work, or lost it with the connection
                throw e;
            }
            settle(xid, true);
            boolean lose;
            synchronized (ScriptedAnchor.this) {
                lose = loseCommitAnswer;
                loseCommitAnswer = false;
            }
            if (lose) {
                throw new XAException(XAException.XAER_RMFAIL);
            }
        }

        @Override
        public void rollback(Xid xid) throws XAException {
            settle(xid, false);
            rm.rollback(xid);
        }

        @Override
        public void forget(Xid xid) throws XAException {
            rm.forget(xid);
        }

        @Override
        public Xid[] recover(int flag) throws XAException {
            return rm.recover(flag);
        }

        @Override
        public boolean isSameRM(XAResource other) {
            return other == this;
        }

        @Override
        public int getTransactionTimeout() {
            return rm.getTransactionTimeout();
        }

        @Override
        public boolean setTransactionTimeout(int seconds) throws XAException {
            return rm.setTransactionTimeout(seconds);
        }
    }
}
