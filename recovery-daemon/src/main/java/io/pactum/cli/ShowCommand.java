package io.pactum.cli;

import io.pactum.cli.config.Config;
import io.pactum.cli.config.ConfigException;
import io.pactum.cli.ops.LogView;
import io.pactum.cli.ops.Row;
import io.pactum.cli.ops.Rules;
import io.pactum.cli.ops.Survey;
import io.pactum.cli.text.Json;
import io.pactum.cli.xid.XidPattern;
import io.pactum.cli.xid.XidText;
import io.pactum.log.BranchRecord;
import io.pactum.log.CommitDecision;
import io.pactum.log.file.JournalEntry;
import io.pactum.xid.GlobalId;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code pactum show XID}: everything known about one branch or transaction. */
final class ShowCommand implements Command {
    @Override
    public String name() {
        return "show";
    }

    @Override
    public String summary() {
        return "everything known about one branch or transaction: log records, databases, suggested action";
    }

    @Override
    public String usage() {
        return """
                usage: pactum show --config FILE [--json] XID

                XID as pactum list shows it (node:epoch:sequence#branch), or node:epoch:sequence for
                every branch of a transaction, or the branch in hex (format:gtrid:bqual), as
                PostgreSQL's pg_prepared_xacts shows it (format_base64_base64) or as MySQL's
                XA RECOVER shows it (X'gtrid',X'bqual',format).
                Exit 0, 1 when a data source or the log could not be read, 4 when neither the
                databases nor the log know the XID.""";
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(argList, Set.of("--json"), Set.of("--config"));
        XidPattern pattern = parse(args.single("XID"));
        Config config;
        try {
            config = Operator.config(args);
        } catch (ConfigException e) {
            err.println("pactum show: " + e.getMessage());
            return ExitCode.USAGE;
        }
        Survey s = Operator.survey(config);
        List<Row> rows = s.matching(pattern);
        Optional<GlobalId> g = pattern.globalId();
        Optional<CommitDecision> decision = g.flatMap(s.log()::decision);
        List<LogView.Record> records = g.map(id -> records(s.log(), id)).orElse(List.of());
        if (args.has("--json")) {
            out.println(Json.write(json(pattern, s, rows, decision, records)));
        } else {
            print(pattern, s, rows, decision, records, out);
        }
        Operator.failures(s, err);
        if (rows.isEmpty() && decision.isEmpty() && records.isEmpty()) {
            err.println("pactum show: no configured database and no log record knows " + pattern);
            return s.failures().isEmpty() ? ExitCode.NOT_FOUND : ExitCode.FAILED;
        }
        return s.failures().isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }

    static XidPattern parse(String text) throws UsageException {
        try {
            return XidText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The records of this transaction, whatever their kind. */
    private static List<LogView.Record> records(LogView log, GlobalId id) {
        return log.records().stream().filter(r -> about(r.entry(), id)).toList();
    }

    private static boolean about(JournalEntry e, GlobalId id) {
        if (e instanceof JournalEntry.Decided d) {
            return d.decision().globalId().sameTransaction(id);
        } else if (e instanceof JournalEntry.Done d) {
            return d.globalId().sameTransaction(id);
        } else if (e instanceof JournalEntry.Heuristic h) {
            return h.record().branch().xid().globalId().sameTransaction(id);
        }
        return e instanceof JournalEntry.Forgotten f && f.xid().globalId().sameTransaction(id);
    }

    private static Map<String, Object> json(XidPattern p, Survey s, List<Row> rows, Optional<CommitDecision> decision,
            List<LogView.Record> records) {
        Map<String, Object> o = JsonViews.log(s.log());
        o.put("asked", p.toString());
        o.put("transaction", p.globalId().map(g -> transaction(g, s)).orElse(null));
        o.put("decision", decision.map(JsonViews::decision).orElse(null));
        o.put("records", records.stream().map(JsonViews::record).toList());
        o.put("branches", JsonViews.rows(rows, s));
        o.put("failures", s.failures());
        return o;
    }

    private static Map<String, Object> transaction(GlobalId g, Survey s) {
        Map<String, Object> o = Json.object();
        o.put("id", g.toString());
        o.put("node", g.nodeId().value());
        o.put("ours", g.nodeId().equals(s.log().node()));
        o.put("processStarted", Instant.ofEpochMilli(g.epoch()));
        o.put("sequence", g.sequence());
        return o;
    }

    private static void print(XidPattern p, Survey s, List<Row> rows, Optional<CommitDecision> decision,
            List<LogView.Record> records, PrintStream out) {
        Operator.header(s.log(), out);
        p.globalId().ifPresent(g -> {
            out.println("transaction " + g);
            out.println("  node        " + g.nodeId() + (g.nodeId().equals(s.log().node()) ? " (this node)" : " (another node)"));
            out.println("  began in    the process started " + Instant.ofEpochMilli(g.epoch()) + ", sequence " + g.sequence());
            out.println("  decision    " + decision.map(d -> decided(d, s.at())).orElse("none in this log"));
            records.forEach(r -> out.println("  log         " + LogCommand.describe(r.entry()) + "  (" + r.where() + ")"));
        });
        if (rows.isEmpty()) {
            out.println("no configured database holds " + p + " prepared");
        }
        for (Row r : rows) {
            out.println("branch " + r.xidText());
            out.println("  resource    " + r.resource() + ": " + (r.prepared() ? "prepared" : "not prepared"));
            out.println("  owner       " + r.owner().label());
            if (r.heuristic() != null) {
                out.println("  heuristic   " + r.heuristic().outcome() + " at " + r.heuristic().at() + " (decided "
                        + (r.heuristic().committed() ? "commit" : "rollback") + ")");
            }
            out.println("  hex         " + XidText.hex(r.xid()));
            out.println("  postgresql  " + XidText.postgresGid(r.xid()));
            out.println("  mysql       " + XidText.mysql(r.xid()));
            Rules.Advice a = Rules.advise(r, s.log().holder(), s.at());
            out.println("  suggested   " + a.action() + ": " + a.reason());
        }
    }

    private static String decided(CommitDecision d, Instant now) {
        return "commit, decided " + d.decidedAt() + " (" + Rules.age(Optional.of(Duration.between(d.decidedAt(), now)))
                + " ago), deadline " + d.deadline() + "; branches " + d.branches().stream()
                .map(b -> "#" + b.xid().branchNumber() + " " + b.resourceName()).collect(Collectors.joining(", "));
    }

    static String branches(List<BranchRecord> branches) {
        return branches.stream().map(b -> "#" + b.xid().branchNumber() + " " + b.resourceName())
                .collect(Collectors.joining(", "));
    }
}
