package io.pactum.it.crash;

import io.pactum.Pactum;
import io.pactum.jdbc.PactumDataSource;
import io.pactum.tx.PactumTransactionManager;
import io.pactum.xid.GlobalId;
import jakarta.transaction.HeuristicMixedException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The child JVM of the crash tests: moves money between a PostgreSQL table and a MariaDB table
 * with Pactum (file journal, two Pactum data sources) until its {@link CrashPlan} halts it, the
 * test kills it, or the planned number of transfers is done. It runs no recovery of its own.
 *
 * <p>Arguments ({@code key=value}): {@code log}, {@code node}, {@code table}, {@code decisions}, {@code outcomes}
 * and those of {@link CrashPlan#toArgs()}. Prints {@code READY} once it can transfer,
 * {@code CRASH point id} right before a planned halt, {@code DONE} at a normal end.
 */
public final class CrashingTransfers {
    /** The exit status when a transfer failed unexpectedly. */
    static final int FAILED_STATUS = 3;

    private final PactumTransactionManager tm;
    private final PactumDataSource pg;
    private final PactumDataSource my;
    private final Ledger ledger;
    private final Outcomes outcomes;
    private final Tripwire tripwire;

    private CrashingTransfers(Map<String, String> args, CrashPlan plan) throws Exception {
        ledger = new Ledger(args.get("table"));
        outcomes = new Outcomes(Path.of(args.get("outcomes")));
        Sessions sessions = new Sessions();
        tripwire = new Tripwire(plan, outcomes, sessions);
        // One retry in phase 2, then recovery's job: the outage tests want it quick.
        tm = Pactum.builder().logDirectory(Path.of(args.get("log"))).nodeId(args.get("node")).recovery(false)
                .commitRetries(1).retryDelay(Duration.ofMillis(50)).listener(tripwire)
                .parallelPhases(plan.sideBySide() ? Runtime.getRuntime().availableProcessors() : 0).build();
        pg = dataSource(Db.POSTGRESQL, sessions, plan.anchored() ? args.get("decisions") : null);
        my = dataSource(Db.MARIADB, sessions, null);
    }

    private PactumDataSource dataSource(Db db, Sessions sessions, String decisionTable) {
        return PactumDataSource.builder(tm).name(db.dataSourceName).dialect(db.dialect())
                .xaDataSource(new TrippingXADataSource(db, tripwire, sessions)).decisionTable(decisionTable).build();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> arguments = CrashPlan.arguments(args);
        CrashPlan plan = CrashPlan.parse(arguments);
        CrashingTransfers transfers = new CrashingTransfers(arguments, plan);
        System.out.println("READY");
        System.out.flush();
        int status = transfers.run(plan);
        System.out.println(status == 0 ? "DONE" : "FAILED");
        System.exit(status);
    }

    private int run(CrashPlan plan) throws InterruptedException {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < plan.threads(); t++) {
            SplittableRandom random = new SplittableRandom(plan.seed() * 31 + t);
            Thread thread = new Thread(() -> {
                while (failures.get() == 0 && started.getAndIncrement() < plan.transfers()) {
                    try {
                        transfer(random);
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        e.printStackTrace();
                    }
                }
            }, "transfers-" + t);
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        return failures.get() == 0 ? 0 : FAILED_STATUS;
    }

    /** Moves a random amount from a PostgreSQL account to a MariaDB account (or back, when negative). */
    private void transfer(SplittableRandom random) throws Exception {
        long amount = (1 + random.nextInt(50)) * (random.nextBoolean() ? 1 : -1);
        tm.begin();
        GlobalId id = tm.getTransaction().globalId();
        try {
            try (Connection c = pg.getConnection()) {
                ledger.book(c, id.toString(), 1 + random.nextInt(Ledger.ACCOUNTS), -amount, amount);
            }
            try (Connection c = my.getConnection()) {
                ledger.book(c, id.toString(), 1 + random.nextInt(Ledger.ACCOUNTS), amount, amount);
            }
        } catch (Exception e) {
            tm.rollback();
            throw e;
        }
        tripwire.reached(CrashPoint.AFTER_WORK, id);
        try {
            tm.commit();
            outcomes.committed(id);
        } catch (HeuristicMixedException e) {
            System.out.println("MIXED " + id + ": " + e.getMessage());
            outcomes.mixed(id);
        }
        tripwire.reached(CrashPoint.AFTER_COMMIT_RETURNED, id);
    }
}
