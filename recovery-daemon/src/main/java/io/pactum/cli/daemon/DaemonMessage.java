package io.pactum.cli.daemon;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import io.pactum.event.MessageText;
import java.lang.System.Logger.Level;

/**
 * Every message the {@code pactum recover} daemon logs, with its stable id: {@code PACTUM-6xxx},
 * next to tm-core's 1xxx to 4xxx and the JDBC data sources' 5xxx. An id is never reused.
 */
public enum DaemonMessage {
    DAEMON_STARTED(6001, INFO, "Recovery daemon for node {0} started: log {1}; resources {2}; scans every {3}, orphan safety interval {4}{5}"),
    SCAN(6002, INFO, "Scan {0}: {1} committed, {2} already committed, {3} rolled back, {4} heuristic, {5} failed, {6} decision(s) finished, {7} resource(s) not reachable, {8} waiting"),
    LOG_BUSY(6003, WARNING, "The log is in use ({0}); waiting for it to be released (--wait), retrying every {1}"),
    STOPPING(6004, INFO, "Stop requested: the current scan finishes, then the log is released"),
    STOPPED(6005, INFO, "Recovery daemon for node {0} stopped; the log is released"),
    LEFT_IN_DOUBT(6006, WARNING, "Left after this pass: {0}"),
    HEURISTICS_WAITING(6007, WARNING, "{0} heuristic outcome(s) wait for an operator: see pactum list, then pactum forget");

    private final MessageText text;

    DaemonMessage(int id, Level level, String pattern) {
        this.text = new MessageText(id, level, pattern, "io.pactum.cli");
    }

    public String id() {
        return text.id();
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
