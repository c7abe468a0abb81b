package io.pactum.jdbc;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import io.pactum.event.MessageText;
import java.lang.System.Logger.Level;

/**
 * Every message the JDBC data sources log, with its stable id: {@code PACTUM-5xxx}, next to
 * tm-core's 1xxx to 4xxx ({@code io.pactum.event.Message}). An id is never reused.
 */
public enum JdbcMessage {
    STARTED(5001, INFO, "Data source {0} started on {1}: pool of {2} to {3} connections"),
    CONNECTION_LEAK(5002, WARNING, "A connection of data source {0} has been held outside a transaction by thread {1} for longer than leakTimeout ({2})"),
    POOL_WARNING(5003, WARNING, "Connection pool of data source {0}: {1}"),
    RETURN_FAILED(5004, WARNING, "The connection of data source {0} could not go back to its pool after transaction {1}; it is closed"),
    RECOVERY_CLOSE_FAILED(5005, WARNING, "Closing the recovery connection of data source {0} failed"),
    CLOSED(5006, INFO, "Data source {0} closed"),
    DECISIONS_NOT_DELETED(5007, WARNING, "Data source {0} could not delete the decision rows of {2} finished transaction(s) from {1} ({3}); it tries again in a second"),
    DECISION_TABLE_READY(5008, INFO, "Data source {0} holds the commit decisions of its transactions in table {1}: they need no write to the transaction log");

    private final MessageText text;

    JdbcMessage(int id, Level level, String pattern) {
        this.text = new MessageText(id, level, pattern, "io.pactum.jdbc");
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
