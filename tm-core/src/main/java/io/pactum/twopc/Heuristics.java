package io.pactum.twopc;

import io.pactum.event.Message;
import io.pactum.log.HeuristicOutcome;
import io.pactum.log.HeuristicRecord;
import io.pactum.log.LogException;
import io.pactum.xa.XaErrors;
import io.pactum.xa.XaPhase;
import io.pactum.xa.XaVerdict;
import javax.transaction.xa.XAException;

/** Records a heuristic outcome durably, then lets the resource manager forget the branch. */
public final class Heuristics {
    private Heuristics() {
    }

    static HeuristicOutcome outcomeOf(XaVerdict verdict) {
        return switch (verdict) {
            case HEURISTIC_COMMIT -> HeuristicOutcome.COMMITTED;
            case HEURISTIC_ROLLBACK -> HeuristicOutcome.ROLLED_BACK;
            case HEURISTIC_MIXED -> HeuristicOutcome.MIXED;
            default -> HeuristicOutcome.HAZARD;
        };
    }

    /**
     * A branch ended heuristically. The outcome agrees with the decision when it is what the
     * decision asked for (a heuristic commit of a committed transaction): then it is only
     * forgotten. Otherwise it is written to the log first and forgotten only once it is durable.
     * Only a heuristic the resource manager reported ({@code failure} carries an
     * {@code XA_HEUR*} code) is forgotten there: an outcome Pactum inferred (a lost answer) has
     * nothing to forget.
     */
    public static void settle(Branch branch, XaVerdict verdict, boolean decidedCommit, PhaseContext ctx,
            Throwable failure) {
        boolean reported = failure != null && XaErrors.isHeuristic(XaErrors.codeOf(failure));
        HeuristicOutcome outcome = outcomeOf(verdict);
        boolean agrees = decidedCommit ? outcome == HeuristicOutcome.COMMITTED : outcome == HeuristicOutcome.ROLLED_BACK;
        if (agrees) {
            branch.status(decidedCommit ? BranchStatus.COMMITTED : BranchStatus.ROLLED_BACK);
            if (reported) {
                forget(branch);
            }
            return;
        }
        Message.HEURISTIC.log(branch.xid(), branch.resourceName(), outcome, decidedCommit ? "commit" : "rollback");
        ctx.listeners().heuristic(branch.xid().globalId(), branch.resourceName(), outcome);
        try {
            ctx.log().writeHeuristic(new HeuristicRecord(branch.record(), outcome, decidedCommit, ctx.clock().instant()));
        } catch (LogException | RuntimeException e) {
            // Not forgotten: the resource manager keeps reporting it to recovery.
            Message.HEURISTIC_NOT_WRITTEN.log(e, branch.xid(), outcome);
            branch.heuristic(outcome, false);
            return;
        }
        branch.heuristic(outcome, true);
        if (reported) {
            forget(branch);
        }
    }

    private static void forget(Branch branch) {
        try {
            branch.resource().forget(branch.xid());
        } catch (XAException | RuntimeException e) {
            if (XaErrors.classify(XaPhase.FORGET, e) != XaVerdict.OK) {
                Message.FORGET_FAILED.log(e, branch.xid(), branch.resourceName(), XaErrors.name(XaErrors.codeOf(e)));
            }
        }
    }
}
