package io.pactum.tx;

import jakarta.transaction.Status;

/** The life of a transaction; each state lists the states it may move to. */
enum TxState {
    COMMITTED(Status.STATUS_COMMITTED),
    ROLLED_BACK(Status.STATUS_ROLLEDBACK),
    /** Finished, but some branch ended mixed or unknown: nobody can say it committed or rolled back. */
    HEURISTIC_MIXED(Status.STATUS_UNKNOWN),
    ROLLING_BACK(Status.STATUS_ROLLING_BACK, ROLLED_BACK, HEURISTIC_MIXED),
    COMMITTING(Status.STATUS_COMMITTING, COMMITTED, ROLLED_BACK, HEURISTIC_MIXED),
    PREPARING(Status.STATUS_PREPARING, COMMITTING, ROLLING_BACK, COMMITTED),
    /** Synchronizations' beforeCompletion run; the transaction still takes work. */
    BEFORE_COMPLETION(Status.STATUS_ACTIVE, PREPARING, ROLLING_BACK),
    ACTIVE(Status.STATUS_ACTIVE, BEFORE_COMPLETION, ROLLING_BACK);

    final int status;
    private final TxState[] next;

    TxState(int status, TxState... next) {
        this.status = status;
        this.next = next;
    }

    boolean canMoveTo(TxState state) {
        for (TxState s : next) {
            if (s == state) {
                return true;
            }
        }
        return false;
    }

    boolean isFinal() {
        return next.length == 0;
    }

    /** Work may still be enlisted and synchronizations registered. */
    boolean takesWork() {
        return this == ACTIVE || this == BEFORE_COMPLETION;
    }
}
