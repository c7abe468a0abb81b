package io.pactum.cli;

import io.pactum.cli.config.Config;
import io.pactum.cli.config.ConfigException;
import io.pactum.cli.ops.Audit;
import io.pactum.cli.ops.BranchActions;
import io.pactum.cli.ops.Resources;
import io.pactum.cli.ops.Row;
import io.pactum.cli.ops.Rules;
import io.pactum.cli.ops.Survey;
import io.pactum.cli.text.Json;
import io.pactum.cli.xid.XidPattern;
import io.pactum.recovery.RecoverableResource;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code pactum commit XID} and {@code pactum rollback XID}: finish prepared branches by hand,
 * unless that contradicts the log ({@link Rules#refusal}); {@code --force} overrides, and the
 * audit file records who did what either way.
 */
final class ResolveCommand implements Command {
    private final Rules.Action action;

    ResolveCommand(Rules.Action action) {
        this.action = action;
    }

    @Override
    public String name() {
        return action == Rules.Action.COMMIT ? "commit" : "rollback";
    }

    @Override
    public String summary() {
        return action == Rules.Action.COMMIT ? "commit a prepared branch (or every branch of a transaction) by hand"
                : "roll back a prepared branch (or every branch of a transaction) by hand";
    }

    @Override
    public String usage() {
        return "usage: pactum " + name() + " --config FILE [--force] [--json] XID\n\n"
                + "XID as for pactum show; node:epoch:sequence without #branch means every prepared branch of that\n"
                + "transaction in the configured databases. Refused (exit 3, nothing done) when it contradicts the log:\n"
                + "rolling back a branch whose transaction decided to commit; committing a branch of this node without\n"
                + "a decision; acting on a branch whose transaction may still be running in the application; acting on\n"
                + "another node's or another transaction manager's branch. --force does it anyway. Every action and\n"
                + "every refusal is appended to the audit file (audit.file). Works while the application runs.\n"
                + "Exit 0 done (or already finished by someone else), 1 failed, 3 refused, 4 not prepared anywhere.";
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(argList, Set.of("--json", "--force"), Set.of("--config"));
        XidPattern pattern = ShowCommand.parse(args.single("XID"));
        Config config;
        try {
            config = Operator.config(args);
        } catch (ConfigException e) {
            err.println("pactum " + name() + ": " + e.getMessage());
            return ExitCode.USAGE;
        }
        Survey s = Operator.survey(config);
        List<Row> rows = s.matching(pattern).stream().filter(Row::prepared).toList();
        if (rows.isEmpty()) {
            Operator.failures(s, err);
            err.println("pactum " + name() + ": no configured database holds " + pattern + " prepared"
                    + (s.failures().isEmpty() ? "" : ", as far as the databases that answered tell"));
            return s.failures().isEmpty() ? ExitCode.NOT_FOUND : ExitCode.FAILED;
        }
        try (Audit audit = Audit.open(config.auditFile(), Clock.systemUTC())) {
            return resolve(rows, s, Resources.of(config.resources()), audit, args, out, err);
        }
    }

    private int resolve(List<Row> rows, Survey s, Resources resources, Audit audit, Args args, PrintStream out,
            PrintStream err) throws Exception {
        boolean force = args.has("--force");
        Map<Row, String> refusals = new LinkedHashMap<>();
        rows.forEach(r -> Rules.refusal(action, r, s.log().holder(), s.at()).ifPresent(why -> refusals.put(r, why)));
        List<Map<String, Object>> results = new ArrayList<>();
        int code = ExitCode.OK;
        if (!refusals.isEmpty() && !force) {
            for (Map.Entry<Row, String> e : refusals.entrySet()) {
                audit.record(line(s, e.getKey(), false, "refused", e.getValue()));
                results.add(result(e.getKey(), "refused", e.getValue(), null));
                if (!args.has("--json")) {
                    err.println("pactum " + name() + ": refused: " + e.getValue() + ". Nothing was done; --force does it "
                            + "anyway (the audit file records it)");
                }
            }
            code = ExitCode.REFUSED;
        } else {
            for (Row r : rows) {
                BranchActions.Outcome o = act(resources.get(r.resource()).orElseThrow(), r);
                String overrode = refusals.get(r);
                audit.record(line(s, r, force, o.result(), o.detail() + (overrode == null ? "" : " (overrode: " + overrode + ")")));
                results.add(result(r, o.result(), o.detail(), overrode));
                if (!args.has("--json")) {
                    out.println(o.result() + " " + r.xidText() + " on " + r.resource() + (o.detail().isEmpty() ? ""
                            : ": " + o.detail()) + (overrode == null ? "" : " (forced, overriding: " + overrode + ")"));
                }
                code = o.ok() ? code : ExitCode.FAILED;
            }
        }
        if (args.has("--json")) {
            Map<String, Object> o = Json.object();
            o.put("action", name());
            o.put("force", force);
            o.put("results", results);
            out.println(Json.write(o));
        }
        return code;
    }

    private BranchActions.Outcome act(RecoverableResource r, Row row) {
        return action == Rules.Action.COMMIT ? BranchActions.commit(r, row.xid()) : BranchActions.rollback(r, row.xid());
    }

    private Map<String, Object> line(Survey s, Row r, boolean force, String result, String reason) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("node", s.log().node());
        l.put("action", name());
        l.put("xid", r.xidText());
        l.put("resource", r.resource());
        l.put("force", force);
        l.put("result", result);
        if (!reason.isEmpty()) {
            l.put("reason", reason);
        }
        return l;
    }

    private static Map<String, Object> result(Row r, String result, String detail, String overrode) {
        Map<String, Object> o = Json.object();
        o.put("xid", r.xidText());
        o.put("resource", r.resource());
        o.put("result", result);
        o.put("detail", detail);
        o.put("overrode", Optional.ofNullable(overrode).orElse(null));
        return o;
    }
}
