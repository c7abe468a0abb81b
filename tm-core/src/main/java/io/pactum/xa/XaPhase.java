package io.pactum.xa;

/** The XA calls whose failures {@link XaErrors} classifies. */
public enum XaPhase {
    START,
    END,
    PREPARE,
    COMMIT_ONE_PHASE,
    /** First phase-2 commit of a prepared branch. */
    COMMIT,
    /** A commit that may have been done already: a retry, or recovery's commit of a logged decision. */
    RECOMMIT,
    ROLLBACK,
    FORGET,
    RECOVER
}
