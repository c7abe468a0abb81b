package io.pactum.cli;

import io.pactum.cli.config.Config;
import io.pactum.cli.config.ConfigException;
import io.pactum.cli.ops.Row;
import io.pactum.cli.ops.Rules;
import io.pactum.cli.ops.Survey;
import io.pactum.cli.text.Json;
import io.pactum.cli.text.Table;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code pactum list}: every in-doubt branch in the configured databases, joined with the log. */
final class ListCommand implements Command {
    @Override
    public String name() {
        return "list";
    }

    @Override
    public String summary() {
        return "every branch in doubt in the configured databases, with what the log says and what to do";
    }

    @Override
    public String usage() {
        return """
                usage: pactum list --config FILE [--json]

                Asks every configured data source for its prepared branches (XA recover), whoever
                prepared them, and joins them with the node's log, read without taking its lock
                (so it works while the application runs): whose branch it is (ours, taken over,
                other node, foreign), its transaction's decision, how long ago it decided, and the
                suggested action with the reason. Heuristic outcomes the log keeps are listed too.
                Exit 0, or 1 when a data source or the log could not be read (what could be read
                is still shown).""";
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(argList, Set.of("--json"), Set.of("--config"));
        args.none();
        Config config;
        try {
            config = Operator.config(args);
        } catch (ConfigException e) {
            err.println("pactum list: " + e.getMessage());
            return ExitCode.USAGE;
        }
        Survey s = Operator.survey(config);
        if (args.has("--json")) {
            Map<String, Object> o = JsonViews.log(s.log());
            o.put("branches", JsonViews.rows(s.rows(), s));
            o.put("failures", s.failures());
            o.put("unconfiguredResources", s.unconfigured());
            out.println(Json.write(o));
        } else {
            print(s, out);
        }
        Operator.failures(s, err);
        return s.failures().isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }

    private static void print(Survey s, PrintStream out) {
        Operator.header(s.log(), out);
        if (s.rows().isEmpty()) {
            out.println("nothing in doubt: no prepared branch in the configured databases, no heuristic outcome in the log");
            return;
        }
        Table t = new Table("XID", "RESOURCE", "OWNER", "STATE", "DECISION", "AGE", "SUGGESTED");
        for (Row r : s.rows()) {
            t.row(r.xidText(), r.resource(), r.owner().label(), state(r), decision(r), Rules.age(s.age(r)),
                    Rules.advise(r, s.log().holder(), s.at()).action());
        }
        t.print(out);
        out.println();
        int others = 0;
        for (Row r : s.rows()) {
            Rules.Advice a = Rules.advise(r, s.log().holder(), s.at());
            if (a.action().equals("none")) {
                others++;
            } else {
                out.println(r.xidText() + " on " + r.resource() + ": " + a.reason());
            }
        }
        if (others > 0) {
            out.println(others + " branch(es) belong to other nodes or other transaction managers, which resolve them");
        }
    }

    static String state(Row r) {
        String heuristic = r.heuristic() == null ? null : "heuristic " + r.heuristic().outcome();
        if (!r.prepared()) {
            return heuristic;
        }
        return heuristic == null ? "prepared" : "prepared, " + heuristic;
    }

    static String decision(Row r) {
        if (r.decision() != null) {
            return "commit";
        }
        return r.owner() == io.pactum.cli.ops.Owner.OURS ? "none" : "?";
    }
}
