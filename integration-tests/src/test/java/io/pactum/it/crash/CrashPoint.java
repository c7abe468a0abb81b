package io.pactum.it.crash;

/**
 * Where in one transfer's commit the child JVM ends abruptly. Every transfer updates a
 * PostgreSQL branch first and a MariaDB branch second, so "first" is PostgreSQL's.
 */
enum CrashPoint {
    /** Both branches did their work; nothing was prepared. */
    AFTER_WORK(false),
    /** PostgreSQL's branch is prepared, MariaDB's still active. */
    AFTER_FIRST_PREPARE(false),
    /** Both branches are prepared; no decision was written. */
    AFTER_SECOND_PREPARE(false),
    /** The commit decision is durable; phase 2 has not started. */
    AFTER_DECISION(true),
    /** PostgreSQL's branch is committed, MariaDB's still prepared. */
    BETWEEN_COMMITS(true),
    /** Both branches are committed; the log has not heard "done". */
    AFTER_PHASE_TWO(true),
    /** {@code commit()} returned (or threw a heuristic exception) to the application. */
    AFTER_COMMIT_RETURNED(true);

    private final boolean decided;

    CrashPoint(boolean decided) {
        this.decided = decided;
    }

    /** Whether the transaction that crashed here had a durable commit decision: recovery must commit it. */
    boolean decided() {
        return decided;
    }
}
