package io.pactum.testing;

import io.pactum.xa.NamedXAResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A fake resource manager for concurrency tests. It is thread-safe, keeps the history of every
 * XID, and checks the XA protocol per XID: start before end, end before prepare, commit or
 * rollback; one-phase commit only of an ended branch, two-phase commit only of a prepared one;
 * never a call after the branch finished (so never commit and rollback, never twice), and never
 * two calls on one XID at the same time. A broken rule is recorded in {@link #violations()}
 * rather than thrown, so a stress test can report every one at the end.
 *
 * <p>A transaction enlists a {@link #connect connection}; each connection is its own resource
 * manager instance ({@code isSameRM} is identity), so every enlistment is a new branch.
 */
public final class CheckedResourceManager {
    /** What a branch answers to prepare (and to a one-phase commit, for {@code ROLLBACK}). */
    public enum Vote { YES, READ_ONLY, ROLLBACK }

    /** Where a branch stands in this resource manager. */
    public enum BranchState {
        ACTIVE, SUSPENDED, IDLE, ROLLBACK_ONLY, PREPARED, COMMITTED, ROLLED_BACK, READ_ONLY;

        public boolean isFinal() {
            return this == COMMITTED || this == ROLLED_BACK || this == READ_ONLY;
        }
    }

    private final String name;
    private final Map<Xid, Branch> branches = new ConcurrentHashMap<>();
    private final Queue<String> violations = new ConcurrentLinkedQueue<>();

    public CheckedResourceManager(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public XAResource connect(Vote vote) {
        return connect(vote, 0);
    }

    /** A connection each of whose XA calls takes {@code delayMillis}, to keep a transaction busy. */
    public XAResource connect(Vote vote, long delayMillis) {
        return new Connection(vote, delayMillis);
    }

    public List<String> violations() {
        return new ArrayList<>(violations);
    }

    /** Every XID this resource manager has seen, with where it stands now. */
    public Map<Xid, BranchState> states() {
        Map<Xid, BranchState> result = new HashMap<>();
        branches.forEach((xid, b) -> result.put(xid, b.state()));
        return result;
    }

    /** The calls made on one XID, each with the thread that made it. */
    public String history(Xid xid) {
        Branch b = branches.get(xid);
        return b == null ? "(none)" : b.history();
    }

    private final class Branch {
        private final Xid xid;
        private final List<String> events = new ArrayList<>();
        private final AtomicReference<String> inCall = new AtomicReference<>();
        private BranchState state = BranchState.ACTIVE;

        Branch(Xid xid) {
            this.xid = xid;
        }

        synchronized BranchState state() {
            return state;
        }

        synchronized String history() {
            return String.join(", ", events);
        }

        /** Marks the call in progress; a second call on the same XID meanwhile is a violation. */
        String enter(String call, long delayMillis) {
            String mine = call + "@" + Thread.currentThread().getName();
            String other = inCall.compareAndExchange(null, mine);
            if (other != null) {
                violate("%s while %s was still running", mine, other);
                return null;
            }
            pause(delayMillis); // widens the window in which an overlapping call would be caught
            return mine;
        }

        void exit(String mine) {
            if (mine != null) {
                inCall.compareAndSet(mine, null);
            }
        }

        /** Records the call; returns false (and a violation) unless the branch is in one of the states. */
        synchronized boolean step(String call, BranchState... allowed) {
            events.add(call + "@" + Thread.currentThread().getName());
            for (BranchState s : allowed) {
                if (state == s) {
                    return true;
                }
            }
            violate("%s while the branch is %s%s", call, state, finishedTwice(call));
            return false;
        }

        private String finishedTwice(String call) {
            boolean commit = call.startsWith("commit");
            boolean rollback = call.startsWith("rollback");
            if (state == BranchState.COMMITTED && commit) {
                return " (committed twice)";
            }
            if (state == BranchState.ROLLED_BACK && rollback) {
                return " (rolled back twice)";
            }
            if (state.isFinal() && (commit || rollback)) {
                return " (both committed and rolled back, or finished twice)";
            }
            return state.isFinal() ? " (call after completion)" : "";
        }

        synchronized void moveTo(BranchState next) {
            state = next;
        }

        private void violate(String format, Object... args) {
            violations.add(name + " " + xid + ": " + String.format(format, args) + "; history: " + history());
        }
    }

    private Branch existing(Xid xid, String call) throws XAException {
        Branch b = branches.get(xid);
        if (b == null) {
            violations.add(name + " " + xid + ": " + call + " of an XID that was never started");
            throw new XAException(XAException.XAER_NOTA);
        }
        return b;
    }

    private void start(Xid xid, int flags, long delay) throws XAException {
        if (flags == XAResource.TMNOFLAGS) {
            Branch fresh = new Branch(xid);
            if (branches.putIfAbsent(xid, fresh) != null) {
                violations.add(name + " " + xid + ": started twice; history: " + branches.get(xid).history());
                throw new XAException(XAException.XAER_DUPID);
            }
            fresh.step("start", BranchState.ACTIVE);
            return;
        }
        Branch b = existing(xid, "start");
        String call = flags == XAResource.TMJOIN ? "start(TMJOIN)" : "start(TMRESUME)";
        String mine = b.enter(call, delay);
        try {
            BranchState from = flags == XAResource.TMJOIN ? BranchState.IDLE : BranchState.SUSPENDED;
            if (b.step(call, from)) {
                b.moveTo(BranchState.ACTIVE);
            }
        } finally {
            b.exit(mine);
        }
    }

    private void end(Xid xid, int flags, long delay) throws XAException {
        Branch b = existing(xid, "end");
        String call = "end(" + flagName(flags) + ")";
        String mine = b.enter(call, delay);
        try {
            BranchState[] from = flags == XAResource.TMSUSPEND ? new BranchState[] {BranchState.ACTIVE}
                    : new BranchState[] {BranchState.ACTIVE, BranchState.SUSPENDED};
            if (b.step(call, from)) {
                b.moveTo(flags == XAResource.TMSUSPEND ? BranchState.SUSPENDED
                        : flags == XAResource.TMFAIL ? BranchState.ROLLBACK_ONLY : BranchState.IDLE);
            }
        } finally {
            b.exit(mine);
        }
    }

    private int prepare(Xid xid, Vote vote, long delay) throws XAException {
        Branch b = existing(xid, "prepare");
        String mine = b.enter("prepare", delay);
        try {
            if (!b.step("prepare", BranchState.IDLE)) {
                return XAResource.XA_OK;
            }
            switch (vote) {
                case YES -> b.moveTo(BranchState.PREPARED);
                case READ_ONLY -> {
                    b.moveTo(BranchState.READ_ONLY);
                    return XAResource.XA_RDONLY;
                }
                case ROLLBACK -> {
                    b.moveTo(BranchState.ROLLED_BACK);
                    throw new XAException(XAException.XA_RBROLLBACK);
                }
            }
            return XAResource.XA_OK;
        } finally {
            b.exit(mine);
        }
    }

    private void commit(Xid xid, boolean onePhase, Vote vote, long delay) throws XAException {
        Branch b = existing(xid, "commit");
        String call = onePhase ? "commit(1pc)" : "commit(2pc)";
        String mine = b.enter(call, delay);
        try {
            if (!b.step(call, onePhase ? BranchState.IDLE : BranchState.PREPARED)) {
                return;
            }
            if (onePhase && vote == Vote.ROLLBACK) {
                b.moveTo(BranchState.ROLLED_BACK);
                throw new XAException(XAException.XA_RBROLLBACK);
            }
            b.moveTo(BranchState.COMMITTED);
        } finally {
            b.exit(mine);
        }
    }

    private void rollback(Xid xid, long delay) throws XAException {
        Branch b = existing(xid, "rollback");
        String mine = b.enter("rollback", delay);
        try {
            if (b.step("rollback", BranchState.IDLE, BranchState.ROLLBACK_ONLY, BranchState.PREPARED)) {
                b.moveTo(BranchState.ROLLED_BACK);
            }
        } finally {
            b.exit(mine);
        }
    }

    private static void pause(long millis) {
        if (millis == 0) {
            Thread.yield();
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String flagName(int flags) {
        return switch (flags) {
            case XAResource.TMSUCCESS -> "TMSUCCESS";
            case XAResource.TMFAIL -> "TMFAIL";
            case XAResource.TMSUSPEND -> "TMSUSPEND";
            default -> "flags " + flags;
        };
    }

    /** One connection's XAResource; it answers prepare with its vote. */
    private final class Connection implements NamedXAResource {
        private final Vote vote;
        private final long delayMillis;

        Connection(Vote vote, long delayMillis) {
            this.vote = vote;
            this.delayMillis = delayMillis;
        }

        @Override
        public String resourceName() {
            return name;
        }

        @Override
        public void start(Xid xid, int flags) throws XAException {
            CheckedResourceManager.this.start(xid, flags, delayMillis);
        }

        @Override
        public void end(Xid xid, int flags) throws XAException {
            CheckedResourceManager.this.end(xid, flags, delayMillis);
        }

        @Override
        public int prepare(Xid xid) throws XAException {
            return CheckedResourceManager.this.prepare(xid, vote, delayMillis);
        }

        @Override
        public void commit(Xid xid, boolean onePhase) throws XAException {
            CheckedResourceManager.this.commit(xid, onePhase, vote, delayMillis);
        }

        @Override
        public void rollback(Xid xid) throws XAException {
            CheckedResourceManager.this.rollback(xid, delayMillis);
        }

        @Override
        public void forget(Xid xid) {
            violations.add(name + " " + xid + ": forget, but no branch ended heuristically");
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
            return true;
        }

        @Override
        public String toString() {
            return name + "[" + vote + "]";
        }
    }
}
