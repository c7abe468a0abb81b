package io.pactum.tx;

import io.pactum.testing.CheckedResourceManager.Vote;
import io.pactum.testing.CountingSynchronization;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One transaction of a stress run: how it was driven, which votes its branches were given, what
 * its application was told, and what its synchronizations saw. Written by the threads that drive
 * it, read once the run is over.
 */
final class TxRecord {
    /** How the transaction is driven. */
    enum Plan {
        COMMIT, ROLLBACK, ROLLBACK_ONLY_THEN_COMMIT, SUSPEND_RESUME_COMMIT,
        /** Suspended, handed through a queue to whichever thread takes it, resumed there and committed. */
        HAND_OFF_RESUME_COMMIT,
        /** Suspended and handed over; the taker calls {@code Transaction.commit()} without resuming. */
        HAND_OFF_COMMIT,
        /** One-second timeout, slept past, then committed while the reaper may be rolling it back. */
        TIME_OUT_COMMIT,
        /** One-second timeout, slept past, then rolled back while the reaper may be rolling it back. */
        TIME_OUT_ROLLBACK,
        /** One-second timeout, committed just before it with slow resources: it expires while committing. */
        TIME_OUT_DURING_COMMIT,
        /** Committed while another thread calls setRollbackOnly() or rollback() on it. */
        RACED_COMMIT
    }

    /** What the application was told by commit or rollback. */
    enum Told { NOTHING, COMMITTED, ROLLBACK_EXCEPTION, ROLLED_BACK, ILLEGAL_STATE }

    /** What another thread tried while the transaction was committing. */
    enum RacerMove { NONE, SET_ROLLBACK_ONLY, ROLLBACK }

    final Plan plan;
    final PactumTransaction tx;
    final CountingSynchronization sync;
    final CountingSynchronization interposed = new CountingSynchronization();
    private final List<Vote> votes = new ArrayList<>(3);
    private volatile Told told = Told.NOTHING;
    private volatile String toldOn;
    volatile RacerMove racerMove = RacerMove.NONE;
    volatile boolean racerAccepted;
    /** The racer held the transaction between the end of beforeCompletion and the start of prepare. */
    volatile boolean caughtBeforePrepare;
    /** Set inside beforeCompletion, so a racing thread can aim at the end of it. */
    volatile boolean inBeforeCompletion;

    TxRecord(Plan plan, PactumTransaction tx) {
        this(plan, tx, () -> { });
    }

    /** @param alsoInBeforeCompletion runs inside the synchronization's beforeCompletion */
    TxRecord(Plan plan, PactumTransaction tx, Runnable alsoInBeforeCompletion) {
        this.plan = plan;
        this.tx = tx;
        this.sync = new CountingSynchronization(() -> {
            inBeforeCompletion = true;
            alsoInBeforeCompletion.run();
        });
    }

    synchronized void enlisted(Vote vote) {
        votes.add(vote);
    }

    synchronized List<Vote> votes() {
        return new ArrayList<>(votes);
    }

    void told(Told what) {
        told = what;
        toldOn = Thread.currentThread().getName();
    }

    Told told() {
        return told;
    }

    /** What the application may be told, given the plan, the votes and how a race went. */
    Set<Told> allowed() {
        return switch (plan) {
            case ROLLBACK, TIME_OUT_ROLLBACK -> EnumSet.of(Told.ROLLED_BACK);
            case ROLLBACK_ONLY_THEN_COMMIT, TIME_OUT_COMMIT -> EnumSet.of(Told.ROLLBACK_EXCEPTION);
            // Whether the decision came before the deadline depends on the timing.
            case TIME_OUT_DURING_COMMIT -> EnumSet.of(Told.COMMITTED, Told.ROLLBACK_EXCEPTION);
            // A rollback() that came first leaves commit a transaction that is no longer active.
            case RACED_COMMIT -> !racerAccepted ? EnumSet.of(Told.COMMITTED)
                    : racerMove == RacerMove.ROLLBACK ? EnumSet.of(Told.ILLEGAL_STATE, Told.ROLLBACK_EXCEPTION)
                    : EnumSet.of(Told.ROLLBACK_EXCEPTION);
            default -> EnumSet.of(votes().contains(Vote.ROLLBACK) ? Told.ROLLBACK_EXCEPTION : Told.COMMITTED);
        };
    }

    /** Plans in which no commit is ever attempted before the transaction is rolled back. */
    boolean neverCommits() {
        return plan == Plan.ROLLBACK || plan == Plan.ROLLBACK_ONLY_THEN_COMMIT || plan == Plan.TIME_OUT_ROLLBACK;
    }

    @Override
    public String toString() {
        String racer = racerMove == RacerMove.NONE ? ""
                : ", racer " + racerMove + (racerAccepted ? " accepted" : " refused")
                + (caughtBeforePrepare ? " after beforeCompletion and before prepare" : "");
        return tx + " " + plan + " votes " + votes() + " told " + told + " on " + toldOn + racer;
    }
}
