package io.pactum.cli;

import io.pactum.cli.config.Config;
import io.pactum.cli.config.ConfigException;
import io.pactum.cli.config.Durations;
import io.pactum.cli.ops.Audit;
import io.pactum.cli.ops.BranchActions;
import io.pactum.cli.ops.FileLogReader;
import io.pactum.cli.ops.Holder;
import io.pactum.cli.ops.LogView;
import io.pactum.cli.ops.Logs;
import io.pactum.cli.ops.PostgresLogReader;
import io.pactum.cli.ops.Resources;
import io.pactum.cli.text.Json;
import io.pactum.cli.xid.XidPattern;
import io.pactum.log.HeuristicRecord;
import io.pactum.log.LogException;
import io.pactum.log.file.FileJournal;
import io.pactum.recovery.RecoverableResource;
import io.pactum.xid.PactumXid;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code pactum forget XID}: an operator has dealt with a heuristic outcome; the database may
 * forget the branch and the log its record.
 */
final class ForgetCommand implements Command {
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "forget";
    }

    @Override
    public String summary() {
        return "forget a heuristic outcome you have dealt with, at its database and in the log";
    }

    @Override
    public String usage() {
        return """
                usage: pactum forget --config FILE [--json] [--wait DURATION] XID

                For a branch whose database ended it on its own (a heuristic outcome, shown by pactum
                list), once you have checked and repaired the data: tells the database to forget the
                branch when it still lists it, and removes the record from the log. XID as for
                pactum show; without #branch, every heuristic outcome of that transaction.
                A file journal can only be written by the process holding it: while the application
                runs, this leaves it a request, which it carries out at its next recovery scan
                (every recoveryInterval, 30 s by default), and waits for that up to --wait (default
                60s). A request still waiting then stays, and the journal carries it out when it is
                next opened (exit 1 says so). A PostgreSQL log is changed at once. Audited like
                commit and rollback.
                Exit 0 forgotten, 1 failed (partly) or still requested, 4 no heuristic outcome recorded
                for XID.""";
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(argList, Set.of("--json"), Set.of("--config", "--wait"));
        XidPattern pattern = ShowCommand.parse(args.single("XID"));
        Config config;
        try {
            config = Operator.config(args);
        } catch (ConfigException e) {
            err.println("pactum forget: " + e.getMessage());
            return ExitCode.USAGE;
        }
        Duration wait;
        try {
            wait = args.option("--wait").map(Durations::parse).orElse(DEFAULT_WAIT);
        } catch (IllegalArgumentException e) {
            err.println("pactum forget: --wait: " + e.getMessage());
            return ExitCode.USAGE;
        }
        LogView log = Logs.read(config);
        List<HeuristicRecord> found = log.heuristics().stream().filter(h -> pattern.matches(h.branch().xid())).toList();
        if (found.isEmpty()) {
            err.println("pactum forget: the log records no heuristic outcome for " + pattern + " (pactum list shows those "
                    + "it does)");
            return ExitCode.NOT_FOUND;
        }
        try (Audit audit = Audit.open(config.auditFile(), Clock.systemUTC())) {
            return forget(found, config, log, audit, args.has("--json"), wait, out);
        }
    }

    private int forget(List<HeuristicRecord> found, Config config, LogView log, Audit audit, boolean json,
            Duration wait, PrintStream out) throws Exception {
        Resources resources = Resources.of(config.resources());
        Resources.Scan scan = resources.scan();
        List<Map<String, Object>> results = new ArrayList<>();
        int code = ExitCode.OK;
        for (HeuristicRecord h : found) {
            PactumXid xid = h.branch().xid();
            String atResource = atResource(h, resources, scan);
            Optional<String> logProblem = forgetInLog(config, log, xid, wait);
            boolean ok = logProblem.isEmpty() && !atResource.startsWith("failed");
            String detail = atResource + "; log: " + logProblem.orElse("forgotten");
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("node", log.node());
            line.put("action", "forget");
            line.put("xid", xid);
            line.put("resource", h.branch().resourceName());
            line.put("outcome", h.outcome());
            line.put("result", ok ? "forgotten" : "failed");
            line.put("reason", detail);
            audit.record(line);
            Map<String, Object> r = Json.object();
            r.put("xid", xid.toString());
            r.put("resource", h.branch().resourceName());
            r.put("result", ok ? "forgotten" : "failed");
            r.put("detail", detail);
            results.add(r);
            if (!json) {
                out.println((ok ? "forgot " : "could not forget ") + xid + " (" + h.outcome() + " on "
                        + h.branch().resourceName() + "): " + detail);
            }
            code = ok ? code : ExitCode.FAILED;
        }
        if (json) {
            Map<String, Object> o = Json.object();
            o.put("action", "forget");
            o.put("results", results);
            out.println(Json.write(o));
        }
        return code;
    }

    /** Lets the database forget the branch when it still lists it. */
    private static String atResource(HeuristicRecord h, Resources resources, Resources.Scan scan) {
        String name = h.branch().resourceName();
        Optional<RecoverableResource> r = resources.get(name);
        if (r.isEmpty()) {
            return "resource " + name + " is not configured, not asked";
        }
        if (scan.failures().containsKey(name)) {
            return "failed: cannot scan " + name + ": " + scan.failures().get(name);
        }
        boolean listed = scan.prepared().stream().anyMatch(p -> p.resource().equals(name)
                && PactumXid.parse(p.xid()).filter(h.branch().xid()::equals).isPresent());
        if (!listed) {
            return name + " no longer lists it";
        }
        BranchActions.Outcome o = BranchActions.forget(r.get(), h.branch().xid());
        return o.ok() ? name + " forgot it" : "failed: " + name + ": " + o.detail();
    }

    /** Removes the record; the problem when it cannot. */
    private static Optional<String> forgetInLog(Config config, LogView log, PactumXid xid, Duration wait) {
        try {
            if (config.log() instanceof Config.PostgresLog pg) {
                new PostgresLogReader(pg, log.node()).forget(xid);
                return Optional.empty();
            }
            Path dir = ((Config.FileLog) config.log()).directory();
            try (FileJournal journal = FileJournal.open(dir, log.node().value(), FileJournal.DEFAULT_SEGMENT_SIZE)) {
                journal.forgetHeuristic(xid);
                return Optional.empty();
            } catch (LogException e) {
                Holder holder = FileLogReader.holder(dir);
                if (!holder.running()) {
                    throw e;
                }
                return requestForget(dir, xid, holder, wait);
            }
        } catch (LogException e) {
            return Optional.of("not forgotten: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("not forgotten: interrupted");
        }
    }

    /**
     * The journal is held by a running process: leaves it a request and waits until the record
     * is gone; the problem when it is still there.
     */
    private static Optional<String> requestForget(Path dir, PactumXid xid, Holder holder, Duration wait)
            throws LogException, InterruptedException {
        String request = FileJournal.requestForget(dir, xid);
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            boolean kept = FileJournal.inspect(dir, (where, entry) -> { }).heuristics().stream()
                    .anyMatch(h -> h.branch().xid().equals(xid));
            if (!kept) {
                return Optional.empty();
            }
            if (System.nanoTime() - deadline >= 0) {
                return Optional.of("still requested: the journal is held by " + holder.description() + ", which has not "
                        + "carried out the request (" + dir.resolve(request) + ") within " + Durations.format(wait)
                        + ". It does at its next recovery scan, or when the journal is next opened; until then "
                        + "pactum list shows the outcome");
            }
            Thread.sleep(Math.min(200, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
    }
}
