package io.pactum.twopc;

import io.pactum.event.Message;
import io.pactum.xa.XaPhase;
import io.pactum.xa.XaVerdict;
import java.util.ArrayList;
import java.util.List;

/** Phase 2 of a commit decision: commits every prepared branch. */
public final class Committer {
    private final PhaseContext ctx;

    public Committer(PhaseContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Commits every {@link BranchStatus#PREPARED} branch, side by side where the
     * {@link Fanout} allows; the others are left as they are.
     */
    public void commit(List<Branch> branches) {
        List<Branch> prepared = new ArrayList<>(branches.size());
        for (Branch b : branches) {
            if (b.status() == BranchStatus.PREPARED) {
                prepared.add(b);
            }
        }
        ctx.fanout().each(prepared, this::commit);
    }

    private void commit(Branch b) {
        Retrier.Attempt a = Retrier.run(b, XaPhase.COMMIT, XaPhase.RECOMMIT,
                () -> b.resource().commit(b.xid(), false), ctx);
        switch (a.verdict()) {
            case OK -> b.status(BranchStatus.COMMITTED);
            case RETRY -> {
                b.status(BranchStatus.IN_DOUBT);
                Message.COMMIT_LEFT_TO_RECOVERY.log(a.failure(), b.xid(), b.resourceName(), a.code());
            }
            case FAILED -> {
                b.status(BranchStatus.IN_DOUBT);
                Message.BRANCH_COMMIT_FAILED.log(a.failure(), b.xid(), b.resourceName(), a.code());
            }
            default -> Heuristics.settle(b, a.verdict(), true, ctx, a.failure());
        }
    }

    /**
     * One-phase commit of the only branch: nothing was logged, so when the answer is lost the
     * outcome is unknown (a heuristic hazard) rather than left to recovery.
     */
    public void commitOnePhase(Branch b) {
        Retrier.Attempt a = Retrier.run(b, XaPhase.COMMIT_ONE_PHASE, XaPhase.COMMIT_ONE_PHASE,
                () -> b.resource().commit(b.xid(), true), ctx);
        switch (a.verdict()) {
            case OK -> b.status(BranchStatus.COMMITTED);
            case ROLLED_BACK -> b.status(BranchStatus.ROLLED_BACK);
            case HEURISTIC_COMMIT, HEURISTIC_ROLLBACK, HEURISTIC_MIXED, HEURISTIC_HAZARD ->
                    Heuristics.settle(b, a.verdict(), true, ctx, a.failure());
            default -> {
                Message.ONE_PHASE_HAZARD.log(a.failure(), b.xid(), b.resourceName(), a.code());
                Heuristics.settle(b, XaVerdict.HEURISTIC_HAZARD, true, ctx, a.failure());
            }
        }
    }

    /**
     * One-phase commit of a transaction's anchor branch, whose commit is the decision: true when
     * it committed, false when it rolled back (the branch's status says so), null when its answer
     * is lost or unclear: then only the anchor itself can tell, and the status is left alone.
     */
    public Boolean commitAnchor(Branch b) {
        Retrier.Attempt a = Retrier.run(b, XaPhase.COMMIT_ONE_PHASE, XaPhase.COMMIT_ONE_PHASE,
                () -> b.resource().commit(b.xid(), true), ctx);
        switch (a.verdict()) {
            case OK -> {
                b.status(BranchStatus.COMMITTED);
                return true;
            }
            case ROLLED_BACK -> {
                b.status(BranchStatus.ROLLED_BACK);
                return false;
            }
            case HEURISTIC_COMMIT, HEURISTIC_ROLLBACK -> {
                boolean committed = a.verdict() == XaVerdict.HEURISTIC_COMMIT;
                Heuristics.settle(b, a.verdict(), committed, ctx, a.failure()); // agrees: forgotten
                return committed;
            }
            default -> {
                Message.ONE_PHASE_HAZARD.log(a.failure(), b.xid(), b.resourceName(), a.code());
                return null;
            }
        }
    }
}
