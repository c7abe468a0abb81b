package io.pactum.cli.ops;

import io.pactum.cli.config.Durations;
import io.pactum.xid.GlobalId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What should happen to a branch, and which manual actions would contradict the log. Pactum
 * presumes abort: a transaction commits only when its decision is in the log, and a decision is
 * only ever written by the process that began the transaction, while it is in flight.
 */
public final class Rules {
    private Rules() {
    }

    /** A manual action on one branch. */
    public enum Action {
        COMMIT("commit"), ROLLBACK("roll back");

        private final String verb;

        Action(String verb) {
            this.verb = verb;
        }

        public String verb() {
            return verb;
        }
    }

    /** The suggested action ("commit", "rollback", "wait", "forget", "none") and why. */
    public record Advice(String action, String reason) {
    }

    /**
     * How long after its decision a transaction may still be in its own phase 2 in the process
     * that holds the log (retries included): a manual commit then would race it, and the
     * application would take the branch it finds gone for a heuristic hazard.
     */
    static final Duration PHASE_TWO_GRACE = Duration.ofMinutes(1);

    public static Advice advise(Row r, Holder holder, Instant now) {
        if (r.heuristic() != null) {
            return new Advice("forget", r.resource() + " ended this branch on its own (" + r.heuristic().outcome()
                    + ") while the transaction decided to " + (r.heuristic().committed() ? "commit" : "roll back")
                    + ": check and repair the data, then pactum forget");
        }
        return switch (r.owner()) {
            case FOREIGN -> new Advice("none", "not a Pactum XID (format " + Integer.toHexString(r.xid().getFormatId())
                    + "): the transaction manager that prepared it resolves it");
            case OTHER_NODE -> new Advice("none", "belongs to node " + node(r) + ": that node's recovery resolves it");
            case TAKEN_OVER -> r.decision() != null ? new Advice("commit", "its transaction (node " + node(r)
                    + ", taken over) decided to commit at " + r.decision().decidedAt() + ": pactum commit")
                    : anchored(r) ? anchoredAdvice(r)
                    : new Advice("rollback", "node " + node(r) + " is taken over (recovery.takeover) and this log holds "
                    + "no decision of it: recovery rolls it back");
            case OURS -> oursAdvice(r, holder, now);
        };
    }

    private static Advice oursAdvice(Row r, Holder holder, Instant now) {
        if (inPhaseTwo(r, holder, now)) {
            return new Advice("wait", "its transaction decided to commit at " + r.decision().decidedAt() + " and may be "
                    + "committing it right now in " + holder.description() + "; its recovery commits it otherwise");
        }
        if (r.decision() != null) {
            return new Advice("commit", "its transaction decided to commit at " + r.decision().decidedAt()
                    + ": recovery commits it (or pactum commit)");
        }
        GlobalId g = r.pactum().orElseThrow().globalId();
        if (holder.mayRun(g)) {
            return new Advice("wait", "no decision yet, and its transaction may still be running in "
                    + holder.description() + ": it commits or rolls back on its own, or recovery rolls it back later");
        }
        if (anchored(r)) {
            return anchoredAdvice(r);
        }
        return new Advice("rollback", "no decision was logged and the process that began it (started "
                + Instant.ofEpochMilli(g.epoch()) + ") has ended: presumed abort; recovery rolls it back");
    }

    /** Whether its transaction's decision may be held by a data source rather than the log. */
    private static boolean anchored(Row r) {
        return r.pactum().map(p -> p.globalId().anchor() != 0).orElse(false);
    }

    private static Advice anchoredAdvice(Row r) {
        return new Advice("recover", "no decision in the log, but its transaction's decision may be held by a data "
                + "source (anchor " + anchorText(r) + "): pactum recover asks that data source and commits or rolls "
                + "back by what it holds");
    }

    private static String anchorText(Row r) {
        return Long.toHexString(r.pactum().orElseThrow().globalId().anchor());
    }

    private static Optional<String> anchoredRefusal(Action a, Row r) {
        return Optional.of("the transaction of " + r.xidText() + " may hold its decision in a data source (anchor "
                + anchorText(r) + "), not in the log: to " + a.verb() + " it by hand could contradict that decision. "
                + "Run pactum recover with that data source configured (resource.NAME.decision-table): it asks the "
                + "data source and settles the branch");
    }

    /** Why this manual action would contradict the log; empty when it would not. */
    public static Optional<String> refusal(Action a, Row r, Holder holder, Instant now) {
        String x = r.xidText();
        return switch (r.owner()) {
            case FOREIGN -> Optional.of(x + " is not a Pactum XID: the transaction manager that prepared it decides "
                    + "its outcome");
            case OTHER_NODE -> Optional.of(x + " belongs to node " + node(r) + ", whose log this configuration does not "
                    + "read: use that node's configuration");
            case TAKEN_OVER -> r.decision() != null ? oursRefusal(a, r, Holder.none("taken over"), now)
                    : anchored(r) ? anchoredRefusal(a, r)
                    : a == Action.COMMIT ? Optional.of(x + " belongs to taken-over node " + node(r)
                    + ", and this log holds no decision of its transaction: nothing says it committed")
                    : Optional.empty();
            case OURS -> oursRefusal(a, r, holder, now);
        };
    }

    private static Optional<String> oursRefusal(Action a, Row r, Holder holder, Instant now) {
        String x = r.xidText();
        if (a == Action.COMMIT && inPhaseTwo(r, holder, now)) {
            return Optional.of("the transaction of " + x + " decided to commit at " + r.decision().decidedAt()
                    + " and may be committing it right now in " + holder.description() + ", which would then report "
                    + "a heuristic hazard for the branch it finds gone: wait a minute, its recovery commits it");
        }
        if (r.decision() != null) {
            return a == Action.COMMIT ? Optional.empty() : Optional.of("the transaction of " + x + " decided to commit at "
                    + r.decision().decidedAt() + " and " + (r.decision().branches().size() - 1) + " other branch(es) "
                    + "commit by that decision: rolling this one back would leave the transaction half committed");
        }
        GlobalId g = r.pactum().orElseThrow().globalId();
        if (holder.mayRun(g)) {
            return Optional.of("the transaction of " + x + " has no decision yet and may still be running in "
                    + holder.description() + ", which may still " + (a == Action.COMMIT ? "roll it back" : "decide to "
                    + "commit it") + ": wait until it ends, or stop the application first");
        }
        if (anchored(r)) {
            return anchoredRefusal(a, r);
        }
        return a == Action.ROLLBACK ? Optional.empty() : Optional.of("the transaction of " + x + " has no commit decision "
                + "and the process that began it has ended: it rolled back (presumed abort), and recovery rolls back "
                + "its other branches; committing this one would leave it half committed");
    }

    /** A decision just written by a process that may still be running its phase 2. */
    private static boolean inPhaseTwo(Row r, Holder holder, Instant now) {
        return r.decision() != null && holder.mayRun(r.decision().globalId())
                && Duration.between(r.decision().decidedAt(), now).compareTo(PHASE_TWO_GRACE) < 0;
    }

    private static String node(Row r) {
        return r.pactum().map(p -> p.globalId().nodeId().value()).orElse("?");
    }

    /** An age for tables: "3m12s", or "-". */
    public static String age(Optional<Duration> d) {
        return d.map(Durations::format).orElse("-");
    }
}
