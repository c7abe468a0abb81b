package io.pactum.twopc;

import io.pactum.event.Message;
import io.pactum.xa.XaErrors;
import io.pactum.xa.XaPhase;
import io.pactum.xa.XaVerdict;
import java.util.List;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;

/** Phase 1: asks every ended branch to prepare, and stops at the first one that does not vote yes. */
public final class Preparer {
    private final PhaseContext ctx;

    public Preparer(PhaseContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @return true when every branch voted yes or read-only. Otherwise the branch that refused is
     *         {@link BranchStatus#ROLLED_BACK} (it voted {@code XA_RB*}) or
     *         {@link BranchStatus#FAILED}, and the branches after it were not asked.
     */
    public boolean prepare(List<Branch> branches) {
        for (Branch b : branches) {
            if (b.status() != BranchStatus.ENDED) {
                continue;
            }
            if (!prepare(b)) {
                return false;
            }
        }
        return true;
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
                Heuristics.settle(b, verdict, false, ctx);
            } else {
                b.status(verdict == XaVerdict.ROLLED_BACK ? BranchStatus.ROLLED_BACK : BranchStatus.FAILED);
            }
            return false;
        }
    }
}
