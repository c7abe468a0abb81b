package io.pactum.it.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.xid.PactumXid;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The child dies after its decision was durable, with both branches prepared. Before recovery
 * runs, a DBA commits one of them by hand ({@code COMMIT PREPARED} / {@code XA COMMIT}). Recovery
 * commits the other, does not fail over the one that is gone, and says that it found it already
 * committed.
 */
class HandCommitBeforeRecoveryTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "committed by hand in {0}")
    @EnumSource(Db.class)
    void recoveryCommitsTheOtherBranchAndDoesNotFail(Db byHand) throws Exception {
        try (CrashSite site = new CrashSite(dir)) {
            String crashed = crashAndCommitByHand(site, byHand);

            RecoveryRun recovery = site.recover();

            assertThat(recovery.exitStatus()).as("%s", recovery).isZero();
            assertThat(recovery.total("committed")).as("%s", recovery).isEqualTo(1);
            assertThat(recovery.total("failed")).as("%s", recovery).isZero();
            assertThat(recovery.total("heuristic")).as("%s", recovery).isZero();
            Aftermath.assertConsistent(site, "committed by hand in " + byHand + ", " + site);
            assertThat(site.ledger.markers(Db.POSTGRESQL)).containsKey(crashed);
        }
    }

    @ParameterizedTest(name = "committed by hand in {0}")
    @EnumSource(Db.class)
    void recoveryReportsTheBranchCommittedByHandAsAlreadyCommitted(Db byHand) throws Exception {
        try (CrashSite site = new CrashSite(dir)) {
            crashAndCommitByHand(site, byHand);

            RecoveryRun recovery = site.recover();

            assertThat(recovery.total("alreadyCommitted")).as("a branch of the decision that %s no longer holds "
                    + "prepared is reported as already committed; %s", byHand, recovery).isEqualTo(1);
        }
    }

    /** Halts the child after the decision of transfer 2, and commits its branch in one database by hand. */
    private static String crashAndCommitByHand(CrashSite site, Db byHand) throws Exception {
        String crashed = Crashes.haltedTransaction(site.start(CrashPlan.haltAt(CrashPoint.AFTER_DECISION, 2)),
                CrashPoint.AFTER_DECISION);
        PactumXid branch = site.prepared(byHand).stream().filter(x -> x.globalId().toString().equals(crashed))
                .findFirst().orElseThrow();
        Dba.commit(byHand, branch);
        assertThat(site.prepared(byHand)).as("prepared in %s after the DBA's commit", byHand).isEmpty();
        return crashed;
    }
}
