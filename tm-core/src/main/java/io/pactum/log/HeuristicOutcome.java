package io.pactum.log;

/** What a resource manager did on its own with a branch. */
public enum HeuristicOutcome {
    COMMITTED,
    ROLLED_BACK,
    MIXED,
    HAZARD
}
