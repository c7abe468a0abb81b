package io.pactum.event;

import io.pactum.log.HeuristicOutcome;
import io.pactum.xid.GlobalId;

/**
 * Hears what happens to transactions, for metrics and logs. Methods run on the thread that
 * drives the transaction (or the reaper's) and must be quick; an exception thrown here is logged
 * and otherwise ignored.
 */
public interface TransactionListener {
    default void begun(GlobalId id) {
    }

    /** Every branch voted yes (read-only votes included). */
    default void prepared(GlobalId id, int branches) {
    }

    /** The commit decision is durable in the log. */
    default void decided(GlobalId id) {
    }

    default void committed(GlobalId id, long elapsedNanos) {
    }

    default void rolledBack(GlobalId id, RollbackReason reason) {
    }

    default void heuristic(GlobalId id, String resourceName, HeuristicOutcome outcome) {
    }

    /**
     * The transaction ended neither committed nor rolled back as a whole: some resource manager
     * decided otherwise, or its outcome is unknown ({@link #heuristic} said which). Every
     * transaction ends with exactly one of committed, rolledBack and endedMixed.
     */
    default void endedMixed(GlobalId id) {
    }

    /** The transaction passed its deadline; a rollback follows. */
    default void timedOut(GlobalId id) {
    }
}
