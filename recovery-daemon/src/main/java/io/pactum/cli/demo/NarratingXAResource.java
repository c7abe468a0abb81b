package io.pactum.cli.demo;

import io.pactum.xa.XaErrors;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A database's XA resource that tells every two-phase-commit call it receives, with the answer,
 * before handing the answer back. It sits between Pactum and the driver, so it shows exactly
 * what Pactum asked the database.
 */
final class NarratingXAResource implements XAResource {
    private final XAResource driver;
    private final String name;
    private final Narrator narrator;
    private final CrashPoint crash;

    NarratingXAResource(XAResource driver, String name, Narrator narrator, CrashPoint crash) {
        this.driver = driver;
        this.name = name;
        this.narrator = narrator;
        this.crash = crash;
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        String call = "xa_start(" + Narrator.shortBranch(xid) + ", " + flags(flags) + ")";
        run(call, () -> driver.start(xid, flags), "a branch of the transaction begins on this connection");
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        String call = "xa_end(" + Narrator.shortBranch(xid) + ", " + flags(flags) + ")";
        run(call, () -> driver.end(xid, flags), flags == TMFAIL ? "the branch's work is to be undone"
                : "the branch's work is complete");
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        String call = "xa_prepare(" + Narrator.shortBranch(xid) + ")";
        int vote;
        try {
            vote = driver.prepare(xid);
        } catch (XAException e) {
            narrator.call(name, call, "-> " + failure(e) + ": votes no");
            throw e;
        }
        narrator.call(name, call, vote == XA_RDONLY ? "-> XA_RDONLY: changed nothing, drops out"
                : "-> XA_OK: votes yes; the change is on disk, locked, and in doubt");
        return vote;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        String call = "xa_commit(" + Narrator.shortBranch(xid) + (onePhase ? ", one phase)" : ")");
        run(call, () -> driver.commit(xid, onePhase), "the change is committed and visible");
        crash.afterCommit(name);
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        String call = "xa_rollback(" + Narrator.shortBranch(xid) + ")";
        run(call, () -> driver.rollback(xid), "rolled back: the change is undone");
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        Xid[] found;
        try {
            found = driver.recover(flag);
        } catch (XAException e) {
            narrator.call(name, "xa_recover", "-> " + failure(e));
            throw e;
        }
        if ((flag & TMSTARTRSCAN) != 0 || found.length > 0) {
            narrator.call(name, "xa_recover", found.length == 0 ? "-> no branch in doubt"
                    : "-> " + found.length + " branch(es) prepared and waiting for a decision:");
            for (Xid x : found) {
                narrator.call("", "", "   " + narrator.branch(x));
            }
        }
        return found;
    }

    @Override
    public void forget(Xid xid) throws XAException {
        run("xa_forget(" + Narrator.shortBranch(xid) + ")", () -> driver.forget(xid), "forgotten");
    }

    @Override
    public boolean isSameRM(XAResource other) throws XAException {
        XAResource o = other instanceof NarratingXAResource n ? n.driver : other;
        return driver.isSameRM(o);
    }

    @Override
    public int getTransactionTimeout() throws XAException {
        return driver.getTransactionTimeout();
    }

    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        return driver.setTransactionTimeout(seconds);
    }

    private interface XaCall {
        void run() throws XAException;
    }

    private void run(String call, XaCall action, String meaning) throws XAException {
        try {
            action.run();
        } catch (XAException e) {
            narrator.call(name, call, "-> " + failure(e));
            throw e;
        }
        narrator.call(name, call, "-> ok: " + meaning);
    }

    private static String failure(XAException e) {
        return "failed with " + XaErrors.name(e.errorCode) + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }

    static String flags(int flags) {
        return switch (flags) {
            case TMNOFLAGS -> "TMNOFLAGS";
            case TMSUCCESS -> "TMSUCCESS";
            case TMFAIL -> "TMFAIL";
            case TMJOIN -> "TMJOIN";
            case TMRESUME -> "TMRESUME";
            case TMSUSPEND -> "TMSUSPEND";
            default -> "flags " + Integer.toHexString(flags);
        };
    }
}
