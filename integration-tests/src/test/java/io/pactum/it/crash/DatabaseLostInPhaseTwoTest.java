package io.pactum.it.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database goes away in phase 2, right before the child commits its branch there: every
 * session of the child on that server ends, as in a restart ({@link Sessions} says how; a real
 * PostgreSQL restart where it is possible: as root with the local cluster; {@code -Dpactum.crash.restartPostgres=false|true|VERSION/CLUSTER} decides). {@code commit()} still
 * returns normally, the decision stays in the log, and the child then dies. The branch is still
 * prepared in the database that went away; a recovery process commits it.
 */
class DatabaseLostInPhaseTwoTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} lost")
    @EnumSource(Db.class)
    void recoveryCommitsTheBranchOfTheDatabaseThatWentAway(Db lost) throws Exception {
        Db survivor = lost == Db.POSTGRESQL ? Db.MARIADB : Db.POSTGRESQL;
        try (CrashSite site = new CrashSite(dir)) {
            ChildJvm child = site.start(CrashPlan.haltAt(CrashPoint.AFTER_COMMIT_RETURNED, 2).withOutage(lost));
            String crashed = Crashes.haltedTransaction(child, CrashPoint.AFTER_COMMIT_RETURNED);

            assertThat(child.output()).contains("OUTAGE");
            assertThat(site.committed()).as("commit() returned normally").contains(crashed);
            assertThat(site.prepared(lost)).as("the branch of the database that went away").singleElement()
                    .matches(x -> x.globalId().toString().equals(crashed));
            assertThat(site.prepared(survivor)).isEmpty();
            assertThat(site.journal().pending()).as("the decision waits for recovery")
                    .anyMatch(d -> d.globalId().toString().equals(crashed));

            RecoveryRun recovery = site.recover();

            assertThat(recovery.exitStatus()).as("%s", recovery).isZero();
            assertThat(recovery.total("committed")).as("%s", recovery).isEqualTo(1);
            Aftermath.assertConsistent(site, lost + " lost, " + site);
            assertThat(site.ledger.markers(lost)).containsKey(crashed);
        }
    }
}
