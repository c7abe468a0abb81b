package io.pactum.it.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.log.CommitDecision;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The child JVM commits two transfers, then halts in the third at one protocol point. What the
 * crash left is what that point says (branches prepared in each database, a decision in the log
 * or none); a recovery process of its own then commits what was decided and rolls back the rest
 * (presumed abort), and the books balance.
 */
class CrashAtEachProtocolPointTest {
    private static final long CRASHING_TRANSFER = 3;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "halted {0}")
    @CsvSource(textBlock = """
            # point,                prepared in PostgreSQL, in MariaDB, decision in the log, recovery commits, rolls back
            AFTER_WORK,             0, 0, 0, 0, 0
            AFTER_FIRST_PREPARE,    1, 0, 0, 0, 1
            AFTER_SECOND_PREPARE,   1, 1, 0, 0, 2
            AFTER_DECISION,         1, 1, 1, 2, 0
            BETWEEN_COMMITS,        0, 1, 1, 1, 0
            AFTER_PHASE_TWO,        0, 0, 1, 0, 0
            """)
    void recoveryCommitsWhatWasDecidedAndRollsBackTheRest(CrashPoint point, int preparedInPostgres,
            int preparedInMariaDb, int decisions, int committedByRecovery, int rolledBackByRecovery) throws Exception {
        try (CrashSite site = new CrashSite(dir)) {
            ChildJvm child = site.run(CrashPlan.haltAt(point, CRASHING_TRANSFER));
            String crashed = Crashes.haltedTransaction(child, point);

            assertThat(site.prepared(Db.POSTGRESQL)).as("prepared in PostgreSQL").hasSize(preparedInPostgres);
            assertThat(site.prepared(Db.MARIADB)).as("prepared in MariaDB").hasSize(preparedInMariaDb);
            // "done" need not be durable: the one of the transfer before may be lost too, and recovery finishes it
            List<CommitDecision> pending = site.journal().pending();
            assertThat(pending).as("decisions of the crashed transfer in the log")
                    .filteredOn(d -> d.globalId().toString().equals(crashed)).hasSize(decisions);

            RecoveryRun recovery = site.recover();

            assertThat(recovery.exitStatus()).as("%s", recovery).isZero();
            assertThat(recovery.total("committed")).as("%s", recovery).isEqualTo(committedByRecovery);
            assertThat(recovery.total("rolledBack")).as("%s", recovery).isEqualTo(rolledBackByRecovery);
            assertThat(recovery.total("decisionsFinished")).as("%s", recovery).isEqualTo(pending.size());
            Aftermath.assertConsistent(site, point + " " + site);
            Map<String, Long> committed = site.ledger.markers(Db.POSTGRESQL);
            assertThat(committed.containsKey(crashed)).as("the crashed transfer committed").isEqualTo(point.decided());
            assertThat(committed).as("transfers committed").hasSize(point.decided() ? 3 : 2);
        }
    }
}
