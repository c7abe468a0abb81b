package io.pactum.twopc;

import io.pactum.event.Message;
import io.pactum.xa.LastResource;
import io.pactum.xa.XaErrors;
import io.pactum.xa.XaPhase;
import io.pactum.xa.XaVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;

/**
 * Phase 1: asks every ended branch to prepare. One after another, it stops at the first one
 * that does not vote yes; side by side ({@link Fanout}), every branch is asked and the
 * read-only shortcut below is not taken. A {@link LastResource} is not asked: it counts as a
 * yes vote and is committed after the decision; nor is a transaction's anchor branch
 * ({@link Branch#isAnchor}), whose one-phase commit is the decision.
 */
public final class Preparer {
    private final PhaseContext ctx;

    public Preparer(PhaseContext ctx) {
        this.ctx = ctx;
    }

    /** How phase 1 ended. */
    public enum Result {
        /** Every branch voted yes or read-only. */
        PREPARED,
        /**
         * Every branch but the last voted read-only, and the last was not asked: it can be
         * committed in one phase, as if it were alone.
         */
        LAST_LEFT,
        /**
         * A branch did not vote yes: it is {@link BranchStatus#ROLLED_BACK} (it voted
         * {@code XA_RB*}) or {@link BranchStatus#FAILED}; asked one after another, the branches
         * after it were not asked.
         */
        REFUSED
    }

    public Result prepare(List<Branch> branches) {
        if (ctx.fanout().sideBySide()) {
            List<Branch> asked = toAsk(branches);
            if (asked.size() > 1) {
                AtomicBoolean refused = new AtomicBoolean();
                ctx.fanout().each(asked, b -> {
                    if (!prepare(b)) {
                        refused.set(true);
                    }
                });
                return refused.get() ? Result.REFUSED : Result.PREPARED;
            }
        }
        int last = branches.size() - 1;
        boolean allReadOnly = true;
        for (int i = 0; i <= last; i++) {
            Branch b = branches.get(i);
            if (b.status() != BranchStatus.ENDED) {
                continue;
            }
            if (i == last && allReadOnly) {
                return Result.LAST_LEFT;
            }
            if (b.skipsPrepare()) {
                allReadOnly = false;
                continue;
            }
            if (!prepare(b)) {
                return Result.REFUSED;
            }
            allReadOnly &= b.status() == BranchStatus.READ_ONLY;
        }
        return Result.PREPARED;
    }

    /** The branches phase 1 asks: ended, and neither a last resource nor the anchor. */
    private static List<Branch> toAsk(List<Branch> branches) {
        List<Branch> asked = new ArrayList<>(branches.size());
        for (Branch b : branches) {
            if (b.status() == BranchStatus.ENDED && !b.skipsPrepare()) {
                asked.add(b);
            }
        }
        return asked;
    }

    private boolean prepare(Branch b) {
        try {
            int vote = b.resource().prepare(b.xid());
            b.status(vote == XAResource.XA_RDONLY ? BranchStatus.READ_ONLY : BranchStatus.PREPARED);
            return true;
        } catch (XAException | RuntimeException e) {
            XaVerdict verdict = XaErrors.classify(XaPhase.PREPARE, e);
            Message.PREPARE_FAILED.log(e, b.xid(), b.resourceName(), XaErrors.name(XaErrors.codeOf(e)));
            if (verdict.isHeuristic()) {
                Heuristics.settle(b, verdict, false, ctx, e);
            } else {
                b.status(verdict == XaVerdict.ROLLED_BACK ? BranchStatus.ROLLED_BACK : BranchStatus.FAILED);
            }
            return false;
        }
    }
}
