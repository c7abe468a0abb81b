package io.pactum.event;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import java.lang.System.Logger.Level;

/**
 * Every message Pactum logs, with its stable id. Operators search for {@code PACTUM-nnnn}; an id
 * is never reused for another meaning. 1xxx: start, stop and the log; 2xxx: transactions;
 * 3xxx: XA branches; 4xxx: recovery.
 */
public enum Message {
    STARTED(1001, INFO, "Pactum node {0} started; transaction log: {1}"),
    LOG_NOT_DURABLE(1002, WARNING, "Pactum node {0} uses an in-memory transaction log: commit decisions will not survive a crash. Configure a durable log for production."),
    CLOSED_WITH_ACTIVE(1003, WARNING, "Pactum node {0} closed with {1} transaction(s) still in flight; their branches are left to recovery"),
    LOG_CLOSE_FAILED(1004, ERROR, "Closing the transaction log failed"),
    LISTENER_FAILED(1005, WARNING, "Transaction listener {0} threw; ignored"),
    JOURNAL_TORN_TAIL(1101, WARNING, "The journal ends in a torn write in {0}: {1} byte(s) cut off ({2}). A crash interrupted that write; no commit decision that was acknowledged is lost."),
    JOURNAL_CORRUPT(1102, ERROR, "The journal is corrupt in {0}: {1}. Pactum does not start on a damaged log: restore the directory from a backup or see the README (a corrupt log)."),
    JOURNAL_SEGMENT_UNFINISHED(1103, WARNING, "The journal segment {0} was being created when the process stopped; it is ignored and replaced."),
    JOURNAL_FAILED(1104, ERROR, "Writing the journal in {0} failed: {1}. No further commit decisions can be written; transactions roll back until the process restarts."),
    JOURNAL_OPENED(1105, INFO, "Journal {0} opened: {1} pending decision(s), {2} heuristic outcome(s) to resolve"),
    JOURNAL_FORGOT_ON_REQUEST(1106, INFO, "Heuristic outcome {0} forgotten in journal {1}, as an operator asked (pactum forget)"),
    JOURNAL_REQUEST_REJECTED(1107, WARNING, "{0} in journal {1} names no branch of a Pactum transaction; it is renamed to {0}.rejected and ignored"),
    JOURNAL_REQUESTS_FAILED(1108, WARNING, "Operator requests to the log {0} could not be carried out ({1}); they stay, and the next recovery scan tries again"),

    TIMED_OUT(2001, WARNING, "Transaction {0} passed its timeout of {1} s and was rolled back"),
    AFTER_COMPLETION_FAILED(2002, WARNING, "Synchronization {0} failed in afterCompletion of transaction {1}; ignored"),
    BEFORE_COMPLETION_FAILED(2003, WARNING, "Synchronization {0} failed in beforeCompletion of transaction {1}; rolling back"),
    DEADLINE_BEFORE_DECISION(2004, WARNING, "Transaction {0} passed its deadline before its commit decision was written; rolling back"),
    DECISION_NOT_WRITTEN(2005, ERROR, "The commit decision of transaction {0} could not be written to the log; rolling back"),
    DONE_NOT_WRITTEN(2006, WARNING, "The done record of transaction {0} could not be written; recovery will find its branches already committed"),
    HEURISTIC_NOT_WRITTEN(2007, ERROR, "The heuristic outcome {1} of branch {0} could not be written to the log; the branch is not forgotten"),
    DECISION_NOT_WRITTEN_AFTER_LAST_RESOURCE(2009, ERROR, "The commit decision of transaction {0} could not be written to the log after its last resource committed; its branches are committed without it, and a crash now would leave them to be rolled back"),
    ANCHOR_NOT_WRITTEN(2010, WARNING, "Transaction {0} could not write its commit decision into its anchor {1}; rolling back"),
    ANCHOR_UNKNOWN(2011, ERROR, "Transaction {0} lost the answer to its anchor {1}''s one-phase commit, and the anchor could not say whether it committed ({2}); its prepared branches are left to recovery, which asks the anchor again"),
    ANCHOR_ASKED(2012, WARNING, "Transaction {0} lost the answer to its anchor {1}''s one-phase commit; asked, the anchor says it {2}"),
    REAPER_FAILED(2008, ERROR, "The timeout reaper failed on transaction {0}; it goes on"),

    RECOVERY_COMMITTED(4001, INFO, "Recovery committed branch {0} on resource {1}: its transaction decided to commit at {2}"),
    RECOVERY_ALREADY_DONE(4002, INFO, "Branch {0} on resource {1} is no longer known to its resource: it was committed earlier (or ended by hand); its decision is satisfied"),
    RECOVERY_ROLLED_BACK(4003, WARNING, "Recovery rolled back branch {0} on resource {1}: no commit decision exists, first seen {2}, and {3}"),
    RECOVERY_SCAN_FAILED(4004, WARNING, "Recovery could not scan resource {0} ({1}); no branch on it is rolled back until a scan succeeds"),
    RECOVERY_ACTION_FAILED(4005, WARNING, "Recovery could not {0} branch {1} on resource {2} ({3}); it tries again after {4} s"),
    RECOVERY_DECISION_DONE(4006, INFO, "Every branch of transaction {0} is committed; its decision is forgotten"),
    RECOVERY_UNKNOWN_RESOURCE(4007, WARNING, "Transaction {0} has a branch on resource {1}, which is not registered for recovery here; register it so recovery can commit the branch"),
    RECOVERY_STARTED(4008, INFO, "Recovery of node(s) {0} runs every {1} s over resources {2}"),
    RECOVERY_FAILED(4009, ERROR, "A recovery scan failed; the next one runs as planned"),
    RECOVERY_ANCHOR_UNKNOWN(4010, WARNING, "Branch {0} on resource {1} has no decision in the log, and its transaction''s decision may be held by an anchor (id {2}) that is not registered here; it is left alone until that data source is registered for recovery with anchoring on"),
    RECOVERY_ANCHORED_COMMIT(4011, INFO, "Recovery committed branch {0} on resource {1}: anchor {2} holds its transaction''s commit decision"),
    RECOVERY_ANCHOR_FAILED(4012, WARNING, "Recovery could not clean up anchor {0} ({1}); it tries again in the next scan"),

    PREPARE_FAILED(3001, WARNING, "Branch {0} on resource {1} failed to prepare ({2}); the transaction rolls back"),
    COMMIT_LEFT_TO_RECOVERY(3002, WARNING, "Branch {0} on resource {1} could not be committed ({2}); the decision stays in the log and recovery will commit it"),
    HEURISTIC(3003, ERROR, "Branch {0} on resource {1} ended with heuristic outcome {2} while the transaction decided {3}; recorded in the log until an operator forgets it"),
    ROLLBACK_LEFT_TO_RECOVERY(3004, WARNING, "Branch {0} on resource {1} could not be rolled back ({2}); recovery will roll it back"),
    END_FAILED(3005, WARNING, "Branch {0} on resource {1} failed to end ({2})"),
    FORGET_FAILED(3006, WARNING, "Branch {0} on resource {1} could not forget its heuristic outcome ({2})"),
    COMMIT_RETRY(3007, INFO, "Branch {0} on resource {1} asked to retry its commit ({2}); attempt {3}"),
    TIMEOUT_NOT_SET(3008, DEBUG, "Resource {0} did not take the transaction timeout ({1})"),
    ONE_PHASE_HAZARD(3009, ERROR, "One-phase commit of branch {0} on resource {1} failed with {2}: whether it committed is unknown"),
    BRANCH_COMMIT_FAILED(3010, ERROR, "Branch {0} on resource {1} refused its commit ({2}); the decision stays in the log for recovery and an operator");

    private final MessageText text;

    Message(int id, Level level, String pattern) {
        this.text = new MessageText(id, level, pattern, "io.pactum");
    }

    public String id() {
        return text.id();
    }

    public boolean enabled() {
        return text.enabled();
    }

    public String format(Object... args) {
        return text.format(args);
    }

    public void log(Object... args) {
        text.log(null, args);
    }

    public void log(Throwable cause, Object... args) {
        text.log(cause, args);
    }
}
