package io.pactum.twopc;

/** Where one branch stands; only the thread completing its transaction changes it. */
public enum BranchStatus {
    /** Started; work may still be done. */
    ACTIVE,
    /** Ended with success, ready to prepare or commit. */
    ENDED,
    PREPARED,
    /** Voted read-only: already finished, out of phase 2. */
    READ_ONLY,
    COMMITTED,
    ROLLED_BACK,
    /** A call failed and the branch's state is unknown: it must be rolled back. */
    FAILED,
    /** Finished with a heuristic outcome, recorded in the log. */
    HEURISTIC,
    /** Phase 2 could not finish now; recovery will. */
    IN_DOUBT
}
