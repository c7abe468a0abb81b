package io.pactum.it.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Crashes of anchored commits: PostgreSQL's data source holds the decisions, so its branch is
 * never prepared and commits in one phase after MariaDB's prepared; the log is never written.
 * Recovery, in a process of its own, asks PostgreSQL's decision table about MariaDB's prepared
 * branch: a decision there commits it; none rolls it back, after a refusal is in.
 */
class AnchoredCrashTest {
    private static final long CRASHING_TRANSFER = 3;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "halted {0}")
    @CsvSource(textBlock = """
            # point (first prepare: MariaDB's; first commit: PostgreSQL's one phase), prepared in MariaDB, committed, rolled back
            AFTER_WORK,             0, 0, 0
            AFTER_FIRST_PREPARE,    1, 0, 1
            BETWEEN_COMMITS,        1, 1, 0
            AFTER_DECISION,         1, 1, 0
            AFTER_PHASE_TWO,        0, 0, 0
            """)
    void recoveryFollowsTheDecisionTable(CrashPoint point, int preparedInMariaDb, int committedByRecovery,
            int rolledBackByRecovery) throws Exception {
        try (CrashSite site = new CrashSite(dir)) {
            ChildJvm child = site.run(CrashPlan.haltAt(point, CRASHING_TRANSFER).anchored(true));
            String crashed = Crashes.haltedTransaction(child, point);

            assertThat(site.prepared(Db.POSTGRESQL)).as("the anchor is never prepared").isEmpty();
            assertThat(site.prepared(Db.MARIADB)).as("prepared in MariaDB").hasSize(preparedInMariaDb);
            assertThat(site.journal().pending()).as("decisions in the log").isEmpty();

            RecoveryRun recovery = site.recover();

            assertThat(recovery.exitStatus()).as("%s", recovery).isZero();
            assertThat(recovery.total("committed")).as("%s", recovery).isEqualTo(committedByRecovery);
            assertThat(recovery.total("rolledBack")).as("%s", recovery).isEqualTo(rolledBackByRecovery);
            Aftermath.assertConsistent(site, point + " " + site);
            Map<String, Long> committed = site.ledger.markers(Db.POSTGRESQL);
            assertThat(committed.containsKey(crashed)).as("the crashed transfer committed").isEqualTo(point.decided());
            assertThat(committed).as("transfers committed").hasSize(point.decided() ? 3 : 2);
        }
    }

    @Test
    void killedUnderLoadWithEveryThreadSomewhereElseRecoveryLeavesTheBooksExact() throws Exception {
        try (CrashSite site = new CrashSite(dir)) {
            ChildJvm child = site.start(CrashPlan.runUntilKilled(8, 7).anchored(true));
            assertThat(child.awaitLine("READY", java.time.Duration.ofSeconds(60))).as("the child started; its output:\n%s",
                    child.output()).isTrue();
            Thread.sleep(3_000);
            child.killNine();

            RecoveryRun recovery = site.recover();

            assertThat(recovery.exitStatus()).as("%s", recovery).isZero();
            Aftermath.assertConsistent(site, "killed " + site);
            assertThat(site.ledger.markers(Db.POSTGRESQL)).as("transfers committed before the kill").isNotEmpty();
        }
    }
}
