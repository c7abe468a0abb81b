package io.pactum.twopc;

import io.pactum.event.Message;
import io.pactum.xa.XaPhase;
import java.util.List;

/** Rolls back every branch that may still hold work. */
public final class Rollbacker {
    private final PhaseContext ctx;

    public Rollbacker(PhaseContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Rolls back the branches that are active, ended, prepared or failed. Branches that voted
     * {@code XA_RB*} or read-only, or already finished, are not asked again.
     */
    public void rollback(List<Branch> branches) {
        for (Branch b : branches) {
            switch (b.status()) {
                case ACTIVE, ENDED, PREPARED, FAILED -> rollback(b);
                default -> {
                }
            }
        }
    }

    private void rollback(Branch b) {
        Retrier.Attempt a = Retrier.run(b, XaPhase.ROLLBACK, XaPhase.ROLLBACK, () -> b.resource().rollback(b.xid()), ctx);
        switch (a.verdict()) {
            case OK, ROLLED_BACK -> b.status(BranchStatus.ROLLED_BACK);
            case RETRY, FAILED -> {
                // Presumed abort: a branch with no decision in the log is rolled back by recovery.
                b.status(BranchStatus.IN_DOUBT);
                Message.ROLLBACK_LEFT_TO_RECOVERY.log(a.failure(), b.xid(), b.resourceName(), a.code());
            }
            default -> Heuristics.settle(b, a.verdict(), false, ctx, a.failure());
        }
    }
}
