package io.pactum.it.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.Pactum;
import io.pactum.log.HeuristicOutcome;
import io.pactum.log.HeuristicRecord;
import io.pactum.tx.PactumTransactionManager;
import io.pactum.xid.PactumXid;
import java.nio.file.Path;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DBA rolls back by hand ({@code XA ROLLBACK}) MariaDB's prepared branch of a transfer whose
 * commit decision is already durable: the transfer ends mixed (PostgreSQL committed, MariaDB
 * not). That must not pass silently: the log keeps a heuristic record of the branch until an
 * operator forgets it ({@code pactum list} shows such records and {@code pactum forget} clears
 * them; here the log's own API stands in for both).
 *
 * <p>While the coordinator lives, only PostgreSQL lets a DBA end a prepared branch from another
 * session: MariaDB answers {@code XA ROLLBACK} with XAER_NOTA until the branch's own session has
 * gone. So the rollback before phase 2 is PostgreSQL's, the one after the crash MariaDB's.
 */
class HeuristicRollbackByHandTest {
    @TempDir
    Path dir;

    /**
     * The rollback comes while the child is alive, between the decision and phase 2: MariaDB
     * answers the commit with {@code XAER_NOTA}, so Pactum cannot know who ended the branch or how
     * (a heuristic hazard), records it, and {@code commit()} throws HeuristicMixedException. Then
     * the child dies; the record survives it and the recovery process.
     */
    @Test
    void aRollbackByHandBeforePhaseTwoIsRecordedUntilForgotten() throws Exception {
        try (CrashSite site = new CrashSite(dir)) {
            ChildJvm child = site.start(CrashPlan.haltAt(CrashPoint.AFTER_COMMIT_RETURNED, 2)
                    .withRollbackByHand(Db.POSTGRESQL));
            String crashed = Crashes.haltedTransaction(child, CrashPoint.AFTER_COMMIT_RETURNED);
            assertThat(child.output()).contains("DBA rolled back", "MIXED " + crashed);

            RecoveryRun recovery = site.recover();

            assertThat(recovery.exitStatus()).as("%s", recovery).isZero();
            HeuristicRecord record = site.journal().heuristics().stream().filter(h -> isOf(h, crashed))
                    .findFirst().orElseThrow(() -> new AssertionError("no heuristic record of " + crashed));
            assertThat(record.branch().resourceName()).isEqualTo(Db.POSTGRESQL.dataSourceName);
            assertThat(record.committed()).as("the transaction had decided to commit").isTrue();
            assertThat(record.outcome()).isEqualTo(HeuristicOutcome.HAZARD);
            assertMixed(site, crashed, Db.POSTGRESQL);

            forget(site, record.branch().xid());

            assertThat(site.journal().heuristics()).as("heuristics after forget").isEmpty();
        }
    }

    /**
     * The child dies right after the decision; the DBA rolls back MariaDB's branch before
     * recovery runs. Recovery commits PostgreSQL's branch, and must not take the branch that is
     * gone for a committed one: the transfer ended mixed, and only a heuristic record tells.
     */
    @Test
    @Disabled("Known gap: PostgreSQL and MariaDB forget a branch ended by hand, so after a crash recovery cannot tell "
            + "a branch rolled back by hand from one committed before the crash. Closing it needs a marker per branch "
            + "or routing manual actions through `pactum rollback`, which records a heuristic first; see the README")
    void aRollbackByHandAfterTheCrashIsRecordedAsHeuristicByRecovery() throws Exception {
        try (CrashSite site = new CrashSite(dir)) {
            String crashed = Crashes.haltedTransaction(site.start(CrashPlan.haltAt(CrashPoint.AFTER_DECISION, 2)),
                    CrashPoint.AFTER_DECISION);
            PactumXid branch = site.prepared(Db.MARIADB).stream().filter(x -> x.globalId().toString().equals(crashed))
                    .findFirst().orElseThrow();
            Dba.rollBack(Db.MARIADB, branch);

            RecoveryRun recovery = site.recover();

            assertThat(recovery.exitStatus()).as("%s", recovery).isZero();
            assertThat(recovery.total("committed")).as("PostgreSQL's branch; %s", recovery).isEqualTo(1);
            assertMixed(site, crashed, Db.MARIADB);
            assertThat(site.journal().heuristics()).as("a heuristic record of %s, which MariaDB no longer holds "
                    + "prepared although the transaction decided to commit (recovery must not take it for committed); "
                    + "%s", branch, recovery).anyMatch(h -> h.branch().xid().equals(branch));
        }
    }

    private static void assertMixed(CrashSite site, String crashed, Db rolledBack) throws Exception {
        Db committed = rolledBack == Db.POSTGRESQL ? Db.MARIADB : Db.POSTGRESQL;
        assertThat(site.prepared(Db.POSTGRESQL)).isEmpty();
        assertThat(site.prepared(Db.MARIADB)).isEmpty();
        assertThat(site.ledger.markers(committed)).as("committed in %s", committed).containsKey(crashed);
        assertThat(site.ledger.markers(rolledBack)).as("rolled back in %s", rolledBack).doesNotContainKey(crashed);
    }

    private static boolean isOf(HeuristicRecord h, String transaction) {
        return h.branch().xid().globalId().toString().equals(transaction);
    }

    /** What {@code pactum forget XID} will do, through the log's API. */
    private static void forget(CrashSite site, PactumXid xid) throws Exception {
        try (PactumTransactionManager tm = Pactum.builder().logDirectory(site.log).recovery(false).build()) {
            tm.log().forgetHeuristic(xid);
        }
    }
}
