package io.pactum.it.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many crashes at random instants: the child runs transfers on one to three threads and is either
 * halted at a random protocol point of a random transaction (the other threads' transactions are
 * wherever they happen to be) or killed with {@code kill -9} at a random moment. After each, a
 * recovery process runs and the books must balance.
 *
 * <p>The seed is printed; replay with {@code -Dpactum.crash.seed=SEED}. Run #i uses seed SEED+i, so
 * one run replays alone with {@code -Dpactum.crash.seed=SEED+i -Dpactum.crash.runs=1}. Hundreds
 * of runs: {@code -Dpactum.crash.runs=300}.
 */
class RandomCrashesTest {
    private static final int DEFAULT_RUNS = 24;

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> recoveryLeavesTheBooksBalancedAfterEveryCrash() {
        long seed = Long.getLong("pactum.crash.seed", System.nanoTime());
        int runs = Integer.getInteger("pactum.crash.runs", DEFAULT_RUNS);
        System.out.println("RandomCrashesTest: seed " + seed + ", " + runs + " runs; replay with -Dpactum.crash.seed="
                + seed + " -Dpactum.crash.runs=" + runs);
        return IntStream.range(0, runs).mapToObj(i -> run(i, seed + i));
    }

    private DynamicTest run(int i, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int threads = 1 + random.nextInt(3);
        if (random.nextInt(3) == 0) {
            Duration delay = Duration.ofMillis(random.nextInt(1_500));
            return DynamicTest.dynamicTest("run " + i + " (seed " + seed + "): kill -9 after " + delay.toMillis() + " ms, "
                    + threads + " thread(s)", () -> killed(dir.resolve("run-" + i), CrashPlan.runUntilKilled(threads, seed)
                    .anchored(random.nextBoolean()), delay));
        }
        boolean anchored = random.nextBoolean();
        // An anchored commit prepares only MariaDB's branch: it never reaches a second prepare.
        CrashPoint[] points = java.util.Arrays.stream(CrashPoint.values())
                .filter(p -> !anchored || p != CrashPoint.AFTER_SECOND_PREPARE).toArray(CrashPoint[]::new);
        CrashPlan plan = CrashPlan.haltAt(points[random.nextInt(points.length)], 1 + random.nextInt(12))
                .withThreads(threads, seed).sideBySide(random.nextBoolean()).anchored(anchored);
        return DynamicTest.dynamicTest("run " + i + " (seed " + seed + "): " + plan, () -> halted(dir.resolve("run-" + i),
                plan));
    }

    private static void halted(Path runDir, CrashPlan plan) throws Exception {
        try (CrashSite site = new CrashSite(runDir)) {
            String crashed = Crashes.haltedTransaction(site.start(plan), plan.point());
            recoverAndCheck(site, plan.toString());
            assertThat(site.ledger.markers(Db.POSTGRESQL).containsKey(crashed))
                    .as("%s: the halted transfer %s committed", plan, crashed).isEqualTo(plan.point().decided());
        }
    }

    private static void killed(Path runDir, CrashPlan plan, Duration delay) throws Exception {
        try (CrashSite site = new CrashSite(runDir)) {
            ChildJvm child = site.start(plan);
            assertThat(child.awaitLine("READY", Duration.ofSeconds(60))).as("the child started; its output:\n%s",
                    child.output()).isTrue();
            Thread.sleep(delay.toMillis());
            child.killNine();
            recoverAndCheck(site, "kill -9 after " + delay.toMillis() + " ms, " + plan);
        }
    }

    private static void recoverAndCheck(CrashSite site, String run) throws Exception {
        RecoveryRun recovery = site.recover();
        assertThat(recovery.exitStatus()).as("%s: %s", run, recovery).isZero();
        Aftermath.assertConsistent(site, run + ", " + site);
        System.out.println(run + ": " + site.ledger.markers(Db.POSTGRESQL).size() + " transfers committed; recovery "
                + "committed " + recovery.total("committed") + " branches, rolled back " + recovery.total("rolledBack")
                + ", finished " + recovery.total("decisionsFinished") + " decisions");
    }
}
