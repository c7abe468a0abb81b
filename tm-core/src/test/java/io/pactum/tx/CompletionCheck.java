package io.pactum.tx;

import io.pactum.testing.CheckedResourceManager;
import io.pactum.testing.CheckedResourceManager.BranchState;
import io.pactum.testing.CountingSynchronization;
import io.pactum.tx.TxRecord.Plan;
import io.pactum.tx.TxRecord.RacerMove;
import io.pactum.tx.TxRecord.Told;
import io.pactum.xid.GlobalId;
import io.pactum.xid.PactumXid;
import jakarta.transaction.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.transaction.xa.Xid;

/**
 * What must never happen to a transaction once a stress run is over: completed other than
 * exactly once, synchronizations called out of turn, a branch left unfinished, or an outcome the
 * application was told that its resource managers did not see.
 */
final class CompletionCheck {
    /** Message ids that a run may log: start-up, timeouts, and prepare refusals (XA_RB* votes). */
    static final Set<String> EXPECTED_MESSAGES = Set.of("PACTUM-1001", "PACTUM-1002", "PACTUM-2001", "PACTUM-2004",
            "PACTUM-3001");

    private final List<CheckedResourceManager> resourceManagers;
    private final Map<GlobalId, Map<Xid, BranchState>> branchesByTransaction = new HashMap<>();

    CompletionCheck(List<CheckedResourceManager> resourceManagers) {
        this.resourceManagers = resourceManagers;
        for (CheckedResourceManager rm : resourceManagers) {
            rm.states().forEach((xid, state) -> branchesByTransaction
                    .computeIfAbsent(((PactumXid) xid).globalId(), g -> new HashMap<>()).put(xid, state));
        }
    }

    List<String> problems(TxRecord r) {
        List<String> problems = new ArrayList<>();
        Map<Xid, BranchState> branches = branchesByTransaction.getOrDefault(r.tx.globalId(), Map.of());
        completedOnce(r, "synchronization", r.sync, problems);
        completedOnce(r, "interposed synchronization", r.interposed, problems);
        int status = r.sync.status();
        if (r.tx.getStatus() != status) {
            problems.add("status is " + Statuses.name(r.tx.getStatus()) + " but afterCompletion said "
                    + Statuses.name(status));
        }
        if (branches.size() != r.votes().size()) {
            problems.add(r.votes().size() + " resources enlisted but " + branches.size() + " branches started");
        }
        branches.forEach((xid, state) -> {
            if (!state.isFinal()) {
                problems.add("branch " + xid + " left " + state + ": " + history(xid));
            }
        });
        toldWhatResourcesSaw(r, status, branches, problems);
        toldWhatWasExpected(r, problems);
        return problems.isEmpty() ? problems : List.of(r + ": " + String.join("; ", problems));
    }

    private void completedOnce(TxRecord r, String which, CountingSynchronization s, List<String> problems) {
        if (s.afterCount() != 1) {
            problems.add(which + " afterCompletion ran " + s.afterCount() + " times " + names(s.statuses()));
        }
        if (s.beforeCount() > 1) {
            problems.add(which + " beforeCompletion ran " + s.beforeCount() + " times");
        }
        if (s.calledBeforeAfterCompletion()) {
            problems.add(which + " beforeCompletion ran after afterCompletion");
        }
        if (r.neverCommits() && s.beforeCount() != 0) {
            problems.add(which + " beforeCompletion ran though the transaction was only ever rolled back");
        }
        if (s.status() == Status.STATUS_COMMITTED && s.beforeCount() != 1) {
            problems.add(which + " saw a commit without beforeCompletion");
        }
        if (s.afterCount() > 0 && s.status() != Status.STATUS_COMMITTED && s.status() != Status.STATUS_ROLLEDBACK) {
            problems.add(which + " afterCompletion got " + Statuses.name(s.status()));
        }
    }

    private void toldWhatResourcesSaw(TxRecord r, int status, Map<Xid, BranchState> branches, List<String> problems) {
        long committed = branches.values().stream().filter(s -> s == BranchState.COMMITTED).count();
        boolean allCommitted = branches.values().stream()
                .allMatch(s -> s == BranchState.COMMITTED || s == BranchState.READ_ONLY);
        switch (r.told()) {
            case COMMITTED -> {
                if (!allCommitted || status != Status.STATUS_COMMITTED) {
                    problems.add("commit returned normally but the branches are " + branches.values()
                            + " and afterCompletion said " + Statuses.name(status));
                }
            }
            case ROLLBACK_EXCEPTION, ROLLED_BACK, ILLEGAL_STATE -> {
                if (committed > 0 || status != Status.STATUS_ROLLEDBACK) {
                    problems.add("the application was told " + r.told() + " but the branches are "
                            + branches.values() + " and afterCompletion said " + Statuses.name(status));
                }
            }
            case NOTHING -> problems.add("the application was told nothing (see the unexpected exceptions)");
        }
        if (status == Status.STATUS_COMMITTED && r.told() != Told.COMMITTED) {
            problems.add("committed, but the application was told " + r.told());
        }
    }

    private static void toldWhatWasExpected(TxRecord r, List<String> problems) {
        if (r.plan == Plan.RACED_COMMIT && r.racerAccepted && r.racerMove == RacerMove.SET_ROLLBACK_ONLY
                && r.told() == Told.COMMITTED) {
            problems.add("another thread's setRollbackOnly() returned normally, yet the transaction committed");
        } else if (!r.allowed().contains(r.told())) {
            problems.add("expected " + r.allowed() + " but the application was told " + r.told());
        }
    }

    private String history(Xid xid) {
        StringBuilder b = new StringBuilder();
        for (CheckedResourceManager rm : resourceManagers) {
            String h = rm.history(xid);
            if (!h.equals("(none)")) {
                b.append(rm.name()).append(": ").append(h);
            }
        }
        return b.toString();
    }

    private static List<String> names(List<Integer> statuses) {
        return statuses.stream().map(Statuses::name).toList();
    }
}
