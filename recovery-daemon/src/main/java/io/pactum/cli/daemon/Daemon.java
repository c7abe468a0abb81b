package io.pactum.cli.daemon;

import io.pactum.Pactum;
import io.pactum.cli.config.Config;
import io.pactum.cli.config.Durations;
import io.pactum.cli.ops.FileLogReader;
import io.pactum.cli.ops.Holder;
import io.pactum.cli.ops.LogView;
import io.pactum.cli.ops.Logs;
import io.pactum.cli.ops.PostgresLogReader;
import io.pactum.cli.ops.Resources;
import io.pactum.log.CommitDecision;
import io.pactum.log.LogException;
import io.pactum.log.TransactionLog;
import io.pactum.log.file.FileJournal;
import io.pactum.log.jdbc.PostgresLog;
import io.pactum.recovery.RecoverableResource;
import io.pactum.recovery.ScanReport;
import io.pactum.tx.PactumTransactionManager;
import io.pactum.xid.NodeId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The standalone recovery process of one node: it opens the node's log, which takes the log's
 * lock (the lock file of a log directory, the node's advisory lock in a PostgreSQL log), builds
 * a transaction manager on it that begins no transaction, registers the configured data sources
 * and runs tm-core's recovery engine.
 *
 * <p>The lock is how the daemon and the application's in-process recovery stay out of each
 * other's way: only one process of a node holds its log, so the daemon cannot start while the
 * application runs, and an application cannot start while the daemon runs. Holding the lock also
 * proves that the process which began any branch of this node has ended, which is what lets the
 * engine roll back branches without a decision.
 */
public final class Daemon implements AutoCloseable {
    private final Config config;
    private final PactumTransactionManager tm;
    private long scans;

    private Daemon(Config config, PactumTransactionManager tm) {
        this.config = config;
        this.tm = tm;
    }

    /** The log is held by another process; the message names it. */
    public static final class LogBusyException extends Exception {
        LogBusyException(String message) {
            super(message);
        }
    }

    /**
     * Opens the log and starts the engine.
     *
     * @param waitForLog whether to wait while another process holds the log, rather than refuse
     * @param stop       counted down to give up waiting
     */
    public static Daemon start(Config config, boolean waitForLog, CountDownLatch stop)
            throws LogException, LogBusyException, InterruptedException {
        TransactionLog log = openLog(config, waitForLog, stop);
        if (log == null) {
            return null; // stopped while waiting
        }
        Pactum.Builder b = Pactum.builder().logStore(log).recovery(false)
                .recoveryInterval(config.recoveryInterval()).orphanSafetyInterval(config.orphanSafetyInterval());
        log.owner().or(() -> config.nodeId().map(NodeId::new)).ifPresent(n -> b.nodeId(n.value()));
        config.takeover().forEach(b::recoverNode);
        PactumTransactionManager tm;
        try {
            tm = b.build();
            for (RecoverableResource r : Resources.of(config.resources()).all()) {
                tm.registerRecoverable(r);
            }
        } catch (RuntimeException e) {
            closeQuietly(log);
            throw e;
        }
        DaemonMessage.DAEMON_STARTED.log(tm.nodeId(), log, config.resources().stream().map(Config.ResourceSettings::name)
                .collect(Collectors.joining(", ")), Durations.format(config.recoveryInterval()),
                Durations.format(config.orphanSafetyInterval()),
                config.takeover().isEmpty() ? "" : "; also recovers node(s) " + String.join(", ", config.takeover()));
        return new Daemon(config, tm);
    }

    private static TransactionLog openLog(Config c, boolean wait, CountDownLatch stop)
            throws LogException, LogBusyException, InterruptedException {
        Duration retry = c.recoveryInterval().compareTo(Duration.ofSeconds(5)) < 0 ? c.recoveryInterval()
                : Duration.ofSeconds(5);
        boolean told = false;
        while (true) {
            try {
                return open(c);
            } catch (LogException e) {
                Optional<String> holder = busy(c);
                if (holder.isEmpty()) {
                    throw e;
                }
                if (!wait) {
                    throw new LogBusyException("the log (" + c.log().describe() + ") is in use by " + holder.get()
                            + ". While the application runs, its own in-process recovery does this work and the daemon "
                            + "stays out of its way: start pactum recover once the application is stopped, or with --wait "
                            + "to take over as soon as it stops");
                }
                if (!told) {
                    DaemonMessage.LOG_BUSY.log(holder.get(), Durations.format(retry));
                    told = true;
                }
                if (stop.await(retry.toMillis(), TimeUnit.MILLISECONDS)) {
                    return null;
                }
            }
        }
    }

    private static TransactionLog open(Config c) throws LogException {
        if (c.log() instanceof Config.FileLog f) {
            if (!java.nio.file.Files.exists(f.directory().resolve("node-id"))) {
                // FileJournal.open would make a new log with a new node id: never what an operator means here
                throw new LogException(f.directory() + " is not a Pactum log directory (it has no node-id file): set "
                        + "log.directory to the directory the application's transaction manager uses");
            }
            return FileJournal.open(f.directory(), c.nodeId().orElse(null), FileJournal.DEFAULT_SEGMENT_SIZE);
        }
        Config.PostgresLog pg = (Config.PostgresLog) c.log();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(pg.url());
        if (pg.user() != null) {
            ds.setUser(pg.user());
        }
        if (pg.password() != null) {
            ds.setPassword(pg.password());
        }
        // The application's log: never create it here, a missing table means a wrong setting.
        return PostgresLog.builder(ds).nodeId(c.nodeId().orElseThrow()).table(pg.table()).createTable(false).build();
    }

    /** Who holds the log, when someone does. */
    private static Optional<String> busy(Config c) {
        try {
            Holder h = c.log() instanceof Config.FileLog f ? FileLogReader.holder(f.directory())
                    : new PostgresLogReader((Config.PostgresLog) c.log(), new NodeId(c.nodeId().orElseThrow())).holder();
            return h.running() ? Optional.of(h.description()) : Optional.empty();
        } catch (LogException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** One scan of every resource; logs what it did when it did anything (or when asked to). */
    public ScanReport scan(boolean always) {
        ScanReport r = tm.recoverNow();
        scans++;
        boolean acted = r.committed() + r.alreadyCommitted() + r.rolledBack() + r.heuristic() + r.failed()
                + r.decisionsFinished() + r.failedResources() > 0;
        if (always || acted) {
            DaemonMessage.SCAN.log(scans, r.committed(), r.alreadyCommitted(), r.rolledBack(), r.heuristic(), r.failed(),
                    r.decisionsFinished(), r.failedResources(), r.waiting());
        }
        return r;
    }

    /** Scans every recovery interval until {@code stop} is counted down. */
    public void runUntil(CountDownLatch stop) throws InterruptedException {
        do {
            scan(scans == 0);
        } while (!stop.await(config.recoveryInterval().toMillis(), TimeUnit.MILLISECONDS));
        DaemonMessage.STOPPING.log();
    }

    /**
     * One recovery pass: a scan, and when it left branches without a decision waiting, a second
     * scan once the orphan safety interval has passed (the engine rolls back only branches seen
     * in two scans that far apart).
     *
     * @return what the scans could not finish: empty when nothing
     */
    public List<String> runOnce(CountDownLatch stop) throws InterruptedException {
        ScanReport r = scan(true);
        if (r.waiting() > 0 && !stop.await(config.orphanSafetyInterval().toMillis() + 1, TimeUnit.MILLISECONDS)) {
            r = scan(true);
        }
        List<String> left = new ArrayList<>();
        if (r.failedResources() > 0) {
            left.add(r.failedResources() + " resource(s) could not be scanned");
        }
        if (r.failed() > 0) {
            left.add(r.failed() + " branch action(s) failed");
        }
        if (r.waiting() > 0) {
            left.add(r.waiting() + " branch(es) still waiting");
        }
        return left;
    }

    /**
     * What the log still holds after a pass, read once the daemon has closed it (so that every
     * "done" it wrote is in): pending decisions are in doubt; heuristic outcomes wait for an
     * operator but are not in doubt. Logs both.
     *
     * @param left what the scans could not finish; the pending decisions are added to it
     */
    public static List<String> leftInDoubt(Config config, List<String> left) throws LogException {
        LogView log = Logs.read(config);
        List<String> all = new ArrayList<>(left);
        List<CommitDecision> pending = log.pending();
        if (!pending.isEmpty()) {
            all.add(pending.size() + " decision(s) not finished (" + pending.stream().limit(5)
                    .map(d -> d.globalId().toString()).collect(Collectors.joining(", ")) + (pending.size() > 5 ? ", ..."
                    : "") + ")");
        }
        if (!all.isEmpty()) {
            DaemonMessage.LEFT_IN_DOUBT.log(String.join("; ", all));
        }
        if (!log.heuristics().isEmpty()) {
            DaemonMessage.HEURISTICS_WAITING.log(log.heuristics().size());
        }
        return all;
    }

    public NodeId nodeId() {
        return tm.nodeId();
    }

    /** Stops the engine and releases the log. */
    @Override
    public void close() {
        tm.close();
        DaemonMessage.STOPPED.log(tm.nodeId());
    }

    private static void closeQuietly(TransactionLog log) {
        try {
            log.close();
        } catch (LogException | RuntimeException ignored) {
            // the start failed; that failure is the one to report
        }
    }
}
