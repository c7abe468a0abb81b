package io.pactum.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.Pactum;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.ScriptedResource.Call;
import io.pactum.testing.ScriptedResource.Outcome;
import io.pactum.testing.Trace;
import io.pactum.tx.PactumTransactionManager;
import java.nio.file.Path;
import java.time.Duration;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node stops with work unfinished; the next process on the same log directory finishes it.
 * The scripted resources stand for databases that outlive the process.
 */
class RecoveryAfterRestartTest {
    @TempDir
    Path dir;
    private final Trace trace = new Trace();
    private final ScriptedResource a = new ScriptedResource("A", trace);
    private final ScriptedResource b = new ScriptedResource("B", trace);

    private PactumTransactionManager start() {
        PactumTransactionManager tm = Pactum.builder().logDirectory(dir).commitRetries(0).retryDelay(Duration.ZERO)
                .recovery(false).orphanSafetyInterval(Duration.ZERO).build();
        tm.registerRecoverable(RecoverableResource.of("A", a));
        tm.registerRecoverable(RecoverableResource.of("B", b));
        return tm;
    }

    private void transfer(PactumTransactionManager tm) throws Exception {
        tm.begin();
        tm.getTransaction().enlistResource(a);
        tm.getTransaction().enlistResource(b);
        tm.commit();
    }

    @Test
    void aCommitLeftToRecoveryIsFinishedByTheNextProcess() throws Exception {
        b.fail(Call.COMMIT, XAException.XAER_RMFAIL);
        try (PactumTransactionManager tm = start()) {
            transfer(tm); // committed, but B's branch is still prepared
        }
        assertThat(b.outcome()).isEqualTo(Outcome.PREPARED);

        try (PactumTransactionManager tm = start()) {
            ScanReport r = tm.recoverNow();
            assertThat(r.committed()).isEqualTo(1);
            assertThat(r.decisionsFinished()).isEqualTo(1);
            assertThat(tm.log().pendingDecisions()).isEmpty();
        }
        assertThat(a.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(b.outcome()).isEqualTo(Outcome.COMMITTED);
    }

    @Test
    void aPreparedBranchWithoutDecisionIsRolledBackAfterTwoScans() throws Exception {
        b.fail(Call.PREPARE, XAException.XA_RBROLLBACK);
        a.fail(Call.ROLLBACK, XAException.XAER_RMFAIL);
        try (PactumTransactionManager tm = start()) {
            try {
                transfer(tm);
            } catch (jakarta.transaction.RollbackException expected) {
                // A stays prepared: its rollback failed
            }
        }
        assertThat(a.outcome()).isEqualTo(Outcome.PREPARED);

        try (PactumTransactionManager tm = start()) {
            assertThat(tm.recoverNow().rolledBack()).isZero();
            assertThat(tm.recoverNow().rolledBack()).isEqualTo(1);
        }
        assertThat(a.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    }

    @Test
    void inProcessRecoveryRunsOnItsOwnWithADurableLog() throws Exception {
        b.fail(Call.COMMIT, XAException.XAER_RMFAIL);
        try (PactumTransactionManager tm = Pactum.builder().logDirectory(dir).commitRetries(0)
                .recoveryInterval(Duration.ofMillis(50)).build()) {
            tm.registerRecoverable(RecoverableResource.of("A", a));
            tm.registerRecoverable(RecoverableResource.of("B", b));
            transfer(tm);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!tm.log().pendingDecisions().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(tm.log().pendingDecisions()).isEmpty();
        }
        assertThat(b.outcome()).isEqualTo(Outcome.COMMITTED);
    }
}
