package io.pactum.cli.ops;

import io.pactum.recovery.RecoverableResource;
import io.pactum.xa.XaErrors;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A manual XA call on one prepared branch, through a connection of its own, and what came of it
 * in words for the operator and the audit file.
 */
public final class BranchActions {
    private BranchActions() {
    }

    /**
     * @param result "committed", "rolled-back", "forgotten", "gone", "heuristic" or "failed"
     * @param ok     whether the branch is no longer in doubt the way the operator asked
     */
    public record Outcome(String result, String detail, boolean ok) {
    }

    @FunctionalInterface
    private interface Call {
        void run(XAResource xa) throws XAException;
    }

    public static Outcome commit(RecoverableResource r, Xid xid) {
        return call(r, xid, xa -> xa.commit(xid, false), "committed", true);
    }

    public static Outcome rollback(RecoverableResource r, Xid xid) {
        return call(r, xid, xa -> xa.rollback(xid), "rolled-back", false);
    }

    public static Outcome forget(RecoverableResource r, Xid xid) {
        return call(r, xid, xa -> xa.forget(xid), "forgotten", false);
    }

    private static Outcome call(RecoverableResource r, Xid xid, Call call, String done, boolean commit) {
        try (RecoverableResource.Session s = r.open()) {
            try {
                call.run(s.xaResource());
                return new Outcome(done, "", true);
            } catch (XAException e) {
                return failed(s.xaResource(), xid, e, done, commit);
            }
        } catch (Exception e) {
            return new Outcome("failed", "cannot reach " + r.name() + ": " + e.getMessage(), false);
        }
    }

    private static Outcome failed(XAResource xa, Xid xid, XAException e, String done, boolean commit) {
        int code = XaErrors.codeOf(e);
        String name = XaErrors.name(code);
        if (code == XAException.XAER_NOTA) {
            return new Outcome("gone", "the database no longer knows the branch (XAER_NOTA): it was finished already, by "
                    + "recovery or by hand", true);
        }
        if (XaErrors.isRollback(code)) {
            return commit ? new Outcome("heuristic", "the database had rolled the branch back (" + name + ")", false)
                    : new Outcome(done, "rolled back already (" + name + ")", true);
        }
        if (XaErrors.isHeuristic(code)) {
            forgetQuietly(xa, xid);
            return new Outcome("heuristic", "the database had ended the branch on its own (" + name + "); it was told to "
                    + "forget it, so this output and the audit file are its record", false);
        }
        return new Outcome("failed", name + ": " + e.getMessage(), false);
    }

    private static void forgetQuietly(XAResource xa, Xid xid) {
        try {
            xa.forget(xid);
        } catch (XAException | RuntimeException ignored) {
            // reported above; a database that still remembers it lists it again
        }
    }
}
