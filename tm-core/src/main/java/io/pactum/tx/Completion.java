package io.pactum.tx;

import io.pactum.event.Message;
import io.pactum.event.RollbackReason;
import io.pactum.log.CommitDecision;
import io.pactum.log.LogException;
import io.pactum.recovery.DecisionAnchor;
import io.pactum.twopc.Branch;
import io.pactum.twopc.BranchStatus;
import io.pactum.twopc.Tally;
import io.pactum.xa.AnchorBranch;
import io.pactum.xa.LastResource;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;

/**
 * Commit, rollback and timeout of one transaction. Whoever moves the transaction out of
 * {@code ACTIVE} (under its lock) owns its branches from then on; everything after that runs
 * on that one thread, without the lock, and ends in {@link #finish}.
 *
 * <p>Commit: beforeCompletion; end every branch; one branch: one-phase commit, nothing logged;
 * several: prepare, write the decision (never after the deadline), commit, write "done". When
 * every branch but the last votes read-only, the last one is committed in one phase instead of
 * being prepared; when one is left to commit after prepare, it needs no decision either.
 *
 * <p>With a {@link DecisionAnchor} among the branches, the decision is not logged: the anchor
 * branch writes it into its own work and is committed in one phase after the others prepared
 * ({@link #commitAnchored}).
 *
 * <p>A {@link LastResource} is not prepared. After the others prepared, it is committed in one
 * phase; then the decision is logged and the others are committed. If it refuses, nothing was
 * decided and the others roll back. The risk it brings: a crash after it committed and before
 * the decision is durable leaves the others to be rolled back by recovery.
 */
final class Completion {
    private final PactumTransaction tx;
    private final TransactionRuntime rt;

    Completion(PactumTransaction tx) {
        this.tx = tx;
        this.rt = tx.runtime;
    }

    void commit() throws RollbackException, HeuristicMixedException, HeuristicRollbackException, SystemException {
        Throwable failure = beforeCompletion();
        if (failure != null) {
            tx.markRollbackOnly(failure);
            throw rollBack(RollbackReason.SYNCHRONIZATION_FAILED, "a synchronization failed in beforeCompletion",
                    failure);
        }
        if (tx.isPastDeadline(System.nanoTime())) {
            throw timedOutAtCommit();
        }
        if (!moveToPreparing()) {
            throw rollBack(RollbackReason.MARKED_ROLLBACK_ONLY, "it was marked rollback-only", tx.rollbackCause());
        }
        TransactionRuntime.Anchor anchor = rt.anchor;
        Branch anchorBranch = tx.branches.size() > 1 && anchor != null && tx.globalId().anchor() == anchor.id()
                ? anchorBranch(anchor.resource()) : null;
        if (anchorBranch != null) {
            recordDecision(anchorBranch);
        }
        if (!tx.endAll(XAResource.TMSUCCESS)) {
            throw rollBack(RollbackReason.BRANCH_REFUSED, "a branch failed to end: " + failedBranch(), null);
        }
        List<Branch> live = tx.branches;
        if (live.isEmpty()) {
            finish(TxState.COMMITTED, null);
        } else if (live.size() == 1) {
            commitOnePhase(live.get(0));
        } else if (anchorBranch != null) {
            commitAnchored(live, anchorBranch, anchor.resource());
        } else {
            commitTwoPhase(live);
        }
    }

    /**
     * The branch that can hold this transaction's decision (whose gtrid names the anchor): on the
     * transaction manager's anchor, still started (its work can take the decision), in a transaction
     * without a last resource (which must commit before the decision). Null when there is none:
     * the decision goes to the log.
     */
    private Branch anchorBranch(DecisionAnchor anchor) {
        Branch found = null;
        for (Enlistment e : tx.enlistments) {
            if (e.branch.resource() instanceof LastResource) {
                return null;
            }
            if (found == null && e.resource instanceof AnchorBranch a && a.resourceName().equals(anchor.name())
                    && e.association == Enlistment.Association.ACTIVE && e.branch.status() == BranchStatus.ACTIVE) {
                found = e.branch;
            }
        }
        return found;
    }

    /** Writes the decision into the anchor branch's own work; if it cannot, the transaction rolls back. */
    private void recordDecision(Branch anchor) throws RollbackException, HeuristicMixedException {
        List<String> others = new ArrayList<>(tx.branches.size() - 1);
        for (Branch b : tx.branches) {
            if (b != anchor && !others.contains(b.resourceName())) {
                others.add(b.resourceName());
            }
        }
        try {
            ((AnchorBranch) anchor.resource()).recordDecision(tx.globalId(), others);
        } catch (XAException | RuntimeException e) {
            Message.ANCHOR_NOT_WRITTEN.log(e, tx, anchor.resourceName());
            throw rollBack(RollbackReason.BRANCH_REFUSED, "its anchor " + anchor.resourceName()
                    + " could not take its commit decision (" + e + ")", e);
        }
        anchor.makeAnchor();
    }

    /**
     * Moves to BEFORE_COMPLETION and runs the synchronizations; returns the first failure. They
     * run without the transaction's lock: a beforeCompletion that waits for another thread (a
     * parallel flush, a remote call) must not block that thread's setRollbackOnly or resource
     * lookups on this transaction.
     */
    private Throwable beforeCompletion() throws RollbackException {
        tx.lock.lock();
        try {
            TxState s = tx.state();
            if (tx.isTimedOut()) {
                throw new RollbackException("transaction " + tx + " timed out after " + tx.timeoutSeconds()
                        + " s and was rolled back");
            }
            if (s != TxState.ACTIVE) {
                throw new IllegalStateException("transaction " + tx + " cannot commit: it is "
                        + Statuses.name(tx.getStatus()));
            }
            tx.moveTo(TxState.BEFORE_COMPLETION);
            if (tx.isRollbackOnly()) {
                return null; // beforeCompletion runs only for transactions that may commit
            }
        } finally {
            tx.lock.unlock();
        }
        return tx.synchronizations.beforeCompletion(tx, tx.lock);
    }

    /**
     * Leaves BEFORE_COMPLETION unless the transaction is marked rollback-only, in one hold of the
     * lock: a setRollbackOnly from another thread either lands before (and wins) or is refused.
     */
    private boolean moveToPreparing() {
        tx.lock.lock();
        try {
            if (tx.isRollbackOnly()) {
                return false;
            }
            tx.moveTo(TxState.PREPARING);
            return true;
        } finally {
            tx.lock.unlock();
        }
    }

    private void commitOnePhase(Branch b) throws RollbackException, HeuristicMixedException,
            HeuristicRollbackException {
        if (tx.isPastDeadline(System.nanoTime())) {
            throw timedOutAtCommit();
        }
        move(TxState.COMMITTING);
        rt.committer.commitOnePhase(b);
        switch (b.status()) {
            case COMMITTED -> finish(TxState.COMMITTED, null);
            case ROLLED_BACK -> {
                finish(TxState.ROLLED_BACK, RollbackReason.BRANCH_REFUSED);
                throw new RollbackException("transaction " + tx + " was rolled back: resource " + b.resourceName()
                        + " rolled back its one-phase commit");
            }
            default -> throw heuristic(Tally.of(tx.branches));
        }
    }

    /**
     * The anchored commit: the other branches are prepared; the anchor branch, which holds the
     * decision in its own work, is committed in one phase, and that is the decision; then the
     * others are committed. Nothing is written to the log. If the anchor's answer is lost, the
     * anchor is asked whether the decision is there (which, when it is not, makes sure it never
     * will be); if even that cannot be told, the prepared branches stay for recovery, which asks
     * the same question.
     */
    private void commitAnchored(List<Branch> branches, Branch anchor, DecisionAnchor at) throws RollbackException,
            HeuristicMixedException, HeuristicRollbackException {
        List<Branch> others = new ArrayList<>(branches.size());
        for (Branch b : branches) {
            if (b != anchor) {
                others.add(b);
            }
        }
        others.add(anchor); // last: when every other branch is read-only, it is simply committed alone
        switch (rt.preparer.prepare(others)) {
            case REFUSED -> throw rollBack(RollbackReason.BRANCH_REFUSED, "branch " + failedBranch()
                    + " did not prepare", null);
            case LAST_LEFT -> {
                try {
                    commitOnePhase(anchor);
                } finally {
                    at.finished(tx.globalId()); // the others were read-only: nothing waits for the row
                }
                return;
            }
            case PREPARED -> {
            }
        }
        rt.listeners.prepared(tx.globalId(), branches.size());
        if (tx.isPastDeadline(System.nanoTime())) {
            Message.DEADLINE_BEFORE_DECISION.log(tx);
            throw timedOutAtCommit();
        }
        Boolean committed = rt.committer.commitAnchor(anchor);
        if (committed == null) {
            committed = ask(at, anchor);
        }
        if (committed == null) {
            anchor.status(BranchStatus.IN_DOUBT);
            move(TxState.COMMITTING); // perhaps: the anchor may have committed
            finish(TxState.HEURISTIC_MIXED, null);
            throw new HeuristicMixedException("transaction " + tx + " does not know whether it committed: the "
                    + "answer to the one-phase commit of its anchor " + anchor.resourceName() + " was lost and the "
                    + "anchor could not be asked; its prepared branches are left to recovery, which asks the anchor "
                    + "(see " + Message.ANCHOR_UNKNOWN.id() + " in the log)");
        }
        if (!committed) {
            anchor.status(BranchStatus.ROLLED_BACK);
            RollbackException e = rollBack(RollbackReason.BRANCH_REFUSED, "its anchor " + anchor.resourceName()
                    + " rolled back instead of committing", null);
            // A refusal the question left has served: the anchor's branch is over, it can commit nothing.
            at.finished(tx.globalId());
            throw e;
        }
        anchor.status(BranchStatus.COMMITTED);
        rt.listeners.decided(tx.globalId());
        move(TxState.COMMITTING);
        List<Branch> phase2 = prepared(branches);
        rt.committer.commit(phase2);
        Tally t = Tally.of(branches);
        if (t.inDoubt() == 0) {
            at.finished(tx.globalId());
        }
        settle(t);
    }

    /** After a lost answer: whether the anchor committed; null when it cannot tell now. */
    private Boolean ask(DecisionAnchor at, Branch anchor) {
        try {
            boolean committed = at.committed(tx.globalId());
            Message.ANCHOR_ASKED.log(tx, anchor.resourceName(), committed ? "committed" : "rolled back");
            return committed;
        } catch (Exception e) {
            Message.ANCHOR_UNKNOWN.log(e, tx, anchor.resourceName(), e.toString());
            return null;
        }
    }

    private void commitTwoPhase(List<Branch> branches) throws RollbackException, HeuristicMixedException,
            HeuristicRollbackException {
        switch (rt.preparer.prepare(branches)) {
            case REFUSED -> throw rollBack(RollbackReason.BRANCH_REFUSED, "branch " + failedBranch()
                    + " did not prepare", null);
            case LAST_LEFT -> {
                commitOnePhase(branches.get(branches.size() - 1));
                return;
            }
            case PREPARED -> {
            }
        }
        rt.listeners.prepared(tx.globalId(), branches.size());
        List<Branch> phase2 = prepared(branches);
        List<Branch> last = lastResources(branches);
        if (phase2.isEmpty() && last.size() <= 1) {
            if (last.isEmpty()) {
                finish(TxState.COMMITTED, null);
            } else {
                commitOnePhase(last.get(0)); // the others were read-only: it is as good as alone
            }
            return;
        }
        if (tx.isPastDeadline(System.nanoTime())) {
            Message.DEADLINE_BEFORE_DECISION.log(tx);
            throw timedOutAtCommit();
        }
        // A last resource commits before anything is decided: if it refuses, the prepared branches
        // simply roll back. Once it committed they must follow, so then the decision is logged
        // even for one prepared branch.
        Branch refused = commitLastResources(last);
        if (refused != null) {
            throw rollBack(RollbackReason.BRANCH_REFUSED, "its last resource " + refused.resourceName()
                    + " refused to commit", null);
        }
        // With one branch left the others were read-only: presumed abort needs no decision.
        boolean logged = phase2.size() > 1 || (!phase2.isEmpty() && !last.isEmpty());
        if (logged) {
            writeDecision(phase2, last.isEmpty());
        }
        move(TxState.COMMITTING);
        rt.committer.commit(phase2);
        Tally t = Tally.of(last.isEmpty() ? phase2 : concat(last, phase2));
        if (logged && t.inDoubt() == 0) {
            writeDone();
        }
        settle(t);
    }

    /** Ends a transaction that decided to commit, as its branches' outcomes say. */
    private void settle(Tally t) throws HeuristicMixedException, HeuristicRollbackException {
        if (t.heuristicMixed() > 0 || (t.rolledBack() > 0 && t.anyCommitted())
                || (t.heuristicRollback() > 0 && (t.anyCommitted() || t.inDoubt() > 0))) {
            throw heuristic(t);
        }
        if (t.heuristicRollback() > 0) {
            finish(TxState.ROLLED_BACK, RollbackReason.HEURISTIC);
            throw new HeuristicRollbackException("transaction " + tx + " decided to commit, but every branch "
                    + "was rolled back heuristically by its resource manager");
        }
        finish(TxState.COMMITTED, null);
    }

    /**
     * @param mayRollBack false once a last resource committed: then a decision that cannot be
     *                    written does not stop phase 2 (rolling back would contradict the last
     *                    resource); the branches are committed without it
     */
    private void writeDecision(List<Branch> phase2, boolean mayRollBack) throws RollbackException,
            HeuristicMixedException {
        List<io.pactum.log.BranchRecord> records = new ArrayList<>(phase2.size());
        for (Branch b : phase2) {
            records.add(b.record());
        }
        Instant now = rt.clock.instant();
        Instant deadline = now.plusNanos(Math.max(0, tx.startNanos + tx.timeoutSeconds() * 1_000_000_000L
                - System.nanoTime()));
        try {
            rt.log.writeDecision(new CommitDecision(tx.globalId(), records, deadline, now));
        } catch (LogException | RuntimeException e) {
            if (!mayRollBack) {
                Message.DECISION_NOT_WRITTEN_AFTER_LAST_RESOURCE.log(e, tx);
                return;
            }
            Message.DECISION_NOT_WRITTEN.log(e, tx);
            throw rollBack(RollbackReason.LOG_FAILED, "its commit decision could not be written to the log", e);
        }
        rt.listeners.decided(tx.globalId());
    }

    private void writeDone() {
        try {
            rt.log.writeDone(tx.globalId());
        } catch (LogException | RuntimeException e) {
            Message.DONE_NOT_WRITTEN.log(e, tx);
        }
    }

    /** The application's rollback. A transaction the reaper already rolled back stays so, quietly. */
    void rollback() throws SystemException {
        tx.lock.lock();
        try {
            if (tx.isTimedOut()) {
                return;
            }
            if (tx.state() != TxState.ACTIVE) {
                throw new IllegalStateException("transaction " + tx + " cannot roll back: it is "
                        + Statuses.name(tx.getStatus()));
            }
            tx.moveTo(TxState.ROLLING_BACK);
        } finally {
            tx.lock.unlock();
        }
        Tally t = rollBackBranches(RollbackReason.APPLICATION);
        if (t.anyCommitted() || t.heuristicMixed() > 0) {
            throw new SystemException("transaction " + tx + " was rolled back, but a resource manager "
                    + "committed part of it heuristically; see PACTUM-3003 in the log");
        }
    }

    /** The reaper's claim; see {@link PactumTransaction#claimTimeout}. */
    boolean claimTimeout() {
        if (!tx.lock.tryLock()) {
            return false;
        }
        try {
            if (tx.state() != TxState.ACTIVE) {
                return false; // completing: commit checks the deadline itself
            }
            tx.markTimedOut();
            tx.moveTo(TxState.ROLLING_BACK);
            return true;
        } finally {
            tx.lock.unlock();
        }
    }

    void rollBackTimedOut() {
        Message.TIMED_OUT.log(tx, tx.timeoutSeconds());
        rt.listeners.timedOut(tx.globalId());
        rollBackBranches(RollbackReason.TIMEOUT);
    }

    private RollbackException timedOutAtCommit() throws HeuristicMixedException {
        tx.markTimedOut();
        rt.listeners.timedOut(tx.globalId());
        return rollBack(RollbackReason.TIMEOUT, "it timed out after " + tx.timeoutSeconds() + " s", null);
    }

    /**
     * Rolls back during commit and returns the exception commit throws, or throws a heuristic
     * exception when a resource manager committed some of it on its own.
     */
    private RollbackException rollBack(RollbackReason reason, String why, Throwable cause)
            throws HeuristicMixedException {
        move(TxState.ROLLING_BACK);
        Tally t = rollBackBranches(reason);
        if (t.anyCommitted() || t.heuristicMixed() > 0) {
            HeuristicMixedException e = new HeuristicMixedException("transaction " + tx + " was rolled back because "
                    + why + ", but a resource manager committed part of it heuristically");
            e.initCause(cause);
            throw e;
        }
        RollbackException e = new RollbackException("transaction " + tx + " was rolled back: " + why);
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    private Tally rollBackBranches(RollbackReason reason) {
        tx.endAll(XAResource.TMFAIL);
        rt.rollbacker.rollback(tx.branches);
        Tally t = Tally.of(tx.branches);
        finish(t.anyCommitted() || t.heuristicMixed() > 0 ? TxState.HEURISTIC_MIXED : TxState.ROLLED_BACK, reason);
        return t;
    }

    private HeuristicMixedException heuristic(Tally t) throws HeuristicRollbackException {
        if (t.anyCommitted() || t.heuristicMixed() > 0 || t.inDoubt() > 0) {
            finish(TxState.HEURISTIC_MIXED, null);
            return new HeuristicMixedException("transaction " + tx + " decided to commit, but its resource managers"
                    + " ended it mixed or unknown (" + t + "); see PACTUM-3003 in the log");
        }
        finish(TxState.ROLLED_BACK, RollbackReason.HEURISTIC);
        throw new HeuristicRollbackException("transaction " + tx + " decided to commit, but its resource manager "
                + "rolled it back heuristically");
    }

    private void move(TxState next) {
        tx.lock.lock();
        try {
            tx.moveTo(next);
        } finally {
            tx.lock.unlock();
        }
    }

    /** The last step of every completion: final state, afterCompletion, events. */
    private void finish(TxState end, RollbackReason reason) {
        move(end);
        tx.synchronizations.afterCompletion(end.status, tx);
        rt.unregister(tx);
        if (end == TxState.COMMITTED) {
            if (!rt.listeners.isEmpty()) {
                rt.listeners.committed(tx.globalId(), System.nanoTime() - tx.startNanos);
            }
        } else if (end == TxState.HEURISTIC_MIXED) {
            rt.listeners.endedMixed(tx.globalId());
        } else {
            rt.listeners.rolledBack(tx.globalId(), reason);
        }
    }

    /**
     * Commits the last resources in one phase, in the order they were enlisted, before the
     * decision. Returns the first one when it refused: nothing is committed yet, so the
     * transaction can still roll back. A later refusal, or a lost answer, is a heuristic outcome
     * the final tally reports.
     */
    private Branch commitLastResources(List<Branch> last) {
        for (int i = 0; i < last.size(); i++) {
            Branch b = last.get(i);
            rt.committer.commitOnePhase(b);
            if (i == 0 && b.status() == BranchStatus.ROLLED_BACK) {
                return b;
            }
        }
        return null;
    }

    /** The last resources among the branches: never prepared, still ended. */
    private static List<Branch> lastResources(List<Branch> branches) {
        List<Branch> result = new ArrayList<>(1);
        for (Branch b : branches) {
            if (b.resource() instanceof LastResource && b.status() == BranchStatus.ENDED) {
                result.add(b);
            }
        }
        return result;
    }

    private static List<Branch> concat(List<Branch> first, List<Branch> then) {
        List<Branch> all = new ArrayList<>(first.size() + then.size());
        all.addAll(first);
        all.addAll(then);
        return all;
    }

    private List<Branch> prepared(List<Branch> branches) {
        List<Branch> result = new ArrayList<>(branches.size());
        for (Branch b : branches) {
            if (b.status() == BranchStatus.PREPARED) {
                result.add(b);
            }
        }
        return result;
    }

    private String failedBranch() {
        for (Branch b : tx.branches) {
            if (b.status() == BranchStatus.FAILED || b.status() == BranchStatus.ROLLED_BACK
                    || b.status() == BranchStatus.HEURISTIC || b.status() == BranchStatus.IN_DOUBT) {
                return b.xid() + " on resource " + b.resourceName();
            }
        }
        return "(none)";
    }
}
