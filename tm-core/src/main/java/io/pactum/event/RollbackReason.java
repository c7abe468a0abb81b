package io.pactum.event;

/** Why a transaction was rolled back. */
public enum RollbackReason {
    /** The application asked for it. */
    APPLICATION,
    /** Someone called {@code setRollbackOnly}. */
    MARKED_ROLLBACK_ONLY,
    /** A synchronization's {@code beforeCompletion} failed. */
    SYNCHRONIZATION_FAILED,
    /** The transaction passed its deadline. */
    TIMEOUT,
    /** A branch voted no, or failed to end or prepare. */
    BRANCH_REFUSED,
    /** The decision could not be written to the log. */
    LOG_FAILED,
    /** The transaction decided to commit, but every resource manager rolled back on its own. */
    HEURISTIC
}
