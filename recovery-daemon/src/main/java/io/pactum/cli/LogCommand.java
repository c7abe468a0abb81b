package io.pactum.cli;

import io.pactum.cli.config.Config;
import io.pactum.cli.config.ConfigException;
import io.pactum.cli.ops.LogView;
import io.pactum.cli.ops.Logs;
import io.pactum.cli.text.Json;
import io.pactum.cli.text.Table;
import io.pactum.log.HeuristicRecord;
import io.pactum.log.file.JournalEntry;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code pactum log}: the node's log decoded, record by record. */
final class LogCommand implements Command {
    @Override
    public String name() {
        return "log";
    }

    @Override
    public String summary() {
        return "decode the node's log: decisions, done, heuristics, with where each record is";
    }

    @Override
    public String usage() {
        return """
                usage: pactum log --config FILE [--json]

                Reads the log without taking its lock (it works while the application runs) and
                prints every record, oldest first, with its file and offset: commit decisions
                (with their branches), done, heuristic outcomes and forgotten ones; then what is
                still pending. A PostgreSQL log keeps only what is pending: one row per decision
                and per heuristic outcome. A record being written at that moment may show as a
                torn tail (PACTUM-1101), which is left alone. Exit 0, or 1 when the log cannot be read.""";
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(argList, Set.of("--json"), Set.of("--config"));
        args.none();
        Config config;
        try {
            config = Operator.config(args);
        } catch (ConfigException e) {
            err.println("pactum log: " + e.getMessage());
            return ExitCode.USAGE;
        }
        LogView log = Logs.read(config);
        if (args.has("--json")) {
            Map<String, Object> o = JsonViews.log(log);
            o.put("records", log.records().stream().map(JsonViews::record).toList());
            o.put("pending", log.pending().stream().map(JsonViews::decision).toList());
            o.put("heuristics", log.heuristics().stream().map(JsonViews::heuristic).toList());
            out.println(Json.write(o));
            return ExitCode.OK;
        }
        Operator.header(log, out);
        Table t = new Table("WHERE", "RECORD");
        log.records().forEach(r -> t.row(r.where(), describe(r.entry())));
        if (t.isEmpty()) {
            out.println("the log holds no record");
        } else {
            t.print(out);
        }
        out.println("pending decisions: " + log.pending().size() + ", heuristic outcomes not forgotten: "
                + log.heuristics().size());
        return ExitCode.OK;
    }

    /** One record in a line: "decided orders-1:18c2f3a4b5e:42 at ..., deadline ...: #1 pg-orders, #2 my-payments". */
    static String describe(JournalEntry e) {
        if (e instanceof JournalEntry.Decided d) {
            return "decided   " + d.decision().globalId() + " commit at " + d.decision().decidedAt() + ", deadline "
                    + d.decision().deadline() + ": " + ShowCommand.branches(d.decision().branches());
        } else if (e instanceof JournalEntry.Done d) {
            return "done      " + d.globalId();
        } else if (e instanceof JournalEntry.Heuristic h) {
            HeuristicRecord r = h.record();
            return "heuristic " + r.branch().xid() + " " + r.outcome() + " on " + r.branch().resourceName() + " at " + r.at()
                    + " (decided " + (r.committed() ? "commit" : "rollback") + ")";
        } else if (e instanceof JournalEntry.Forgotten f) {
            return "forgotten " + f.xid();
        }
        return e.toString();
    }
}
