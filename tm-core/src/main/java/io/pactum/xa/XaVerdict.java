package io.pactum.xa;

/** What a failed XA call means for its branch. */
public enum XaVerdict {
    /** The call achieved what it asked for (e.g. rollback of a branch that is already gone). */
    OK,
    /** The outcome is not known yet; trying again later may succeed. Phase 2 leaves it to recovery. */
    RETRY,
    /**
     * The branch will never commit: the resource manager rolled it back (prepare, one-phase
     * commit) or marked it rollback-only (start, end).
     */
    ROLLED_BACK,
    /** The resource manager decided on its own and committed. */
    HEURISTIC_COMMIT,
    /** The resource manager decided on its own and rolled back. */
    HEURISTIC_ROLLBACK,
    /** Part of the branch committed and part rolled back. */
    HEURISTIC_MIXED,
    /** The branch may have committed or rolled back; nobody can tell. */
    HEURISTIC_HAZARD,
    /** The call failed; the branch cannot go on in this phase. */
    FAILED;

    public boolean isHeuristic() {
        return this == HEURISTIC_COMMIT || this == HEURISTIC_ROLLBACK || this == HEURISTIC_MIXED
                || this == HEURISTIC_HAZARD;
    }
}
