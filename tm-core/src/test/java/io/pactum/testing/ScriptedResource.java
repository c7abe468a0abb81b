package io.pactum.testing;

import io.pactum.xa.NamedXAResource;
import io.pactum.xid.PactumXid;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A fake resource manager branch whose answers are scripted per call, and which writes every
 * call into a {@link Trace} as {@code NAME.call(branch,FLAGS)}, e.g. {@code A.start(1,TMNOFLAGS)},
 * {@code A.prepare(1)}, {@code A.commit(1,2pc)}. It also tracks what became of each XID, so tests
 * can assert the per-resource outcome.
 *
 * <p>A script is a queue of answers per call: each call takes the next one; when the queue is
 * empty the call succeeds ({@code prepare} votes {@code XA_OK}).
 */
public final class ScriptedResource implements NamedXAResource {
    public enum Call { START, END, PREPARE, COMMIT, ROLLBACK, FORGET, RECOVER, SET_TIMEOUT }

    /** What became of a branch in this resource manager. */
    public enum Outcome { ACTIVE, IDLE, PREPARED, COMMITTED, ROLLED_BACK, READ_ONLY, HEURISTIC, FORGOTTEN }

    private final String name;
    private final Trace trace;
    private final Map<Call, Deque<Answer>> script = new EnumMap<>(Call.class);
    private final Map<Xid, Outcome> outcomes = new LinkedHashMap<>();
    private Predicate<XAResource> sameRm = r -> r == this;
    private boolean joinAllowed = true;
    private int timeoutSeconds = -1;
    private Runnable onCommit = () -> { };
    private Runnable onPrepare = () -> { };
    private Runnable onEnd = () -> { };

    private record Answer(int code, int vote, RuntimeException runtime) {
    }

    public ScriptedResource(String name, Trace trace) {
        this.name = name;
        this.trace = trace;
    }

    /** The next calls of this kind fail with these XA error codes, one per call. */
    public synchronized ScriptedResource fail(Call call, int... errorCodes) {
        for (int code : errorCodes) {
            queue(call).add(new Answer(code, 0, null));
        }
        return this;
    }

    /** The next call of this kind throws this runtime exception. */
    public synchronized ScriptedResource throwOn(Call call, RuntimeException e) {
        queue(call).add(new Answer(0, 0, e));
        return this;
    }

    /** The next prepare votes this ({@code XA_OK} or {@code XA_RDONLY}). */
    public synchronized ScriptedResource vote(int vote) {
        queue(Call.PREPARE).add(new Answer(Integer.MIN_VALUE, vote, null));
        return this;
    }

    public synchronized ScriptedResource readOnly() {
        return vote(XA_RDONLY);
    }

    /** isSameRM answers true for these resources (and itself). */
    public synchronized ScriptedResource sameRmAs(XAResource... others) {
        Predicate<XAResource> before = sameRm;
        sameRm = r -> {
            for (XAResource o : others) {
                if (o == r) {
                    return true;
                }
            }
            return before.test(r);
        };
        return this;
    }

    public synchronized ScriptedResource joinAllowed(boolean allowed) {
        this.joinAllowed = allowed;
        return this;
    }

    /** Runs when a commit succeeds, e.g. to crash or to block a test thread. */
    public synchronized ScriptedResource onCommit(Runnable action) {
        this.onCommit = action;
        return this;
    }

    /** Runs at each prepare, before its scripted answer, e.g. to let the deadline pass mid-commit. */
    public synchronized ScriptedResource onPrepare(Runnable action) {
        this.onPrepare = action;
        return this;
    }

    /** Runs at each end, before its scripted answer, e.g. to make it wait as a busy connection does. */
    public synchronized ScriptedResource onEnd(Runnable action) {
        this.onEnd = action;
        return this;
    }

    private synchronized Runnable endAction() {
        return onEnd;
    }

    private synchronized Runnable prepareAction() {
        return onPrepare;
    }

    private Deque<Answer> queue(Call call) {
        return script.computeIfAbsent(call, c -> new ArrayDeque<>());
    }

    /** Takes the next scripted answer: throws it, or returns the vote (or XA_OK). */
    private synchronized int answer(Call call) throws XAException {
        Answer a = queue(call).poll();
        if (a == null) {
            return XA_OK;
        }
        if (a.runtime != null) {
            throw a.runtime;
        }
        if (a.code == Integer.MIN_VALUE) {
            return a.vote;
        }
        throw new XAException(a.code);
    }

    private void record(String call) {
        trace.add(name + "." + call);
    }

    private synchronized void outcome(Xid xid, Outcome o) {
        outcomes.put(xid, o);
    }

    /** What became of each branch this resource saw, in the order it first saw them. */
    public synchronized Map<Xid, Outcome> outcomes() {
        return new LinkedHashMap<>(outcomes);
    }

    /** The outcome of the only branch this resource saw. */
    public synchronized Outcome outcome() {
        if (outcomes.size() != 1) {
            throw new IllegalStateException(name + " saw " + outcomes.size() + " branches: " + outcomes);
        }
        return outcomes.values().iterator().next();
    }

    public synchronized int timeoutSeconds() {
        return timeoutSeconds;
    }

    public static String branch(Xid xid) {
        return PactumXid.parse(xid).map(x -> Integer.toString(x.branchNumber())).orElse("foreign");
    }

    @Override
    public String resourceName() {
        return name;
    }

    @Override
    public boolean joinAllowed() {
        return joinAllowed;
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        record("start(" + branch(xid) + "," + flags(flags) + ")");
        answer(Call.START);
        outcome(xid, Outcome.ACTIVE);
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        record("end(" + branch(xid) + "," + flags(flags) + ")");
        endAction().run();
        answer(Call.END);
        outcome(xid, Outcome.IDLE);
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        record("prepare(" + branch(xid) + ")");
        prepareAction().run();
        try {
            int vote = answer(Call.PREPARE);
            outcome(xid, vote == XA_RDONLY ? Outcome.READ_ONLY : Outcome.PREPARED);
            return vote;
        } catch (XAException e) {
            if (e.errorCode >= XAException.XA_RBBASE && e.errorCode <= XAException.XA_RBEND) {
                outcome(xid, Outcome.ROLLED_BACK);
            }
            throw e;
        }
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        record("commit(" + branch(xid) + "," + (onePhase ? "1pc" : "2pc") + ")");
        try {
            answer(Call.COMMIT);
        } catch (XAException e) {
            outcome(xid, afterFailure(xid, e.errorCode));
            throw e;
        }
        outcome(xid, Outcome.COMMITTED);
        onCommit.run();
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        record("rollback(" + branch(xid) + ")");
        try {
            answer(Call.ROLLBACK);
        } catch (XAException e) {
            outcome(xid, afterFailure(xid, e.errorCode));
            throw e;
        }
        outcome(xid, Outcome.ROLLED_BACK);
    }

    /** A failed commit or rollback leaves the branch as it was, unless the code says otherwise. */
    private synchronized Outcome afterFailure(Xid xid, int code) {
        return switch (code) {
            case XAException.XA_HEURCOM, XAException.XA_HEURRB, XAException.XA_HEURMIX, XAException.XA_HEURHAZ ->
                    Outcome.HEURISTIC;
            default -> code >= XAException.XA_RBBASE && code <= XAException.XA_RBEND ? Outcome.ROLLED_BACK
                    : outcomes.getOrDefault(xid, Outcome.IDLE);
        };
    }

    @Override
    public void forget(Xid xid) throws XAException {
        record("forget(" + branch(xid) + ")");
        answer(Call.FORGET);
        outcome(xid, Outcome.FORGOTTEN);
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        record("recover(" + flags(flag) + ")");
        answer(Call.RECOVER);
        synchronized (this) {
            return outcomes.entrySet().stream().filter(e -> e.getValue() == Outcome.PREPARED
                    || e.getValue() == Outcome.HEURISTIC).map(Map.Entry::getKey).toArray(Xid[]::new);
        }
    }

    @Override
    public boolean isSameRM(XAResource other) {
        return sameRm.test(other);
    }

    @Override
    public int getTransactionTimeout() {
        return timeoutSeconds;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        answer(Call.SET_TIMEOUT);
        synchronized (this) {
            timeoutSeconds = seconds;
        }
        return true;
    }

    public static String flags(int flags) {
        if (flags == TMNOFLAGS) {
            return "TMNOFLAGS";
        }
        StringBuilder b = new StringBuilder();
        append(b, flags, TMJOIN, "TMJOIN");
        append(b, flags, TMRESUME, "TMRESUME");
        append(b, flags, TMSUCCESS, "TMSUCCESS");
        append(b, flags, TMFAIL, "TMFAIL");
        append(b, flags, TMSUSPEND, "TMSUSPEND");
        append(b, flags, TMSTARTRSCAN, "TMSTARTRSCAN");
        append(b, flags, TMENDRSCAN, "TMENDRSCAN");
        append(b, flags, TMONEPHASE, "TMONEPHASE");
        return b.toString();
    }

    private static void append(StringBuilder b, int flags, int flag, String name) {
        if ((flags & flag) != 0) {
            b.append(b.length() == 0 ? "" : "|").append(name);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
