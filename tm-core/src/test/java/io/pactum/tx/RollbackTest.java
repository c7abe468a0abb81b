package io.pactum.tx;

import static io.pactum.testing.ScriptedResource.Call.ROLLBACK;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.ScriptedResource.Outcome;
import jakarta.transaction.Status;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The application's rollback: every open association is ended with {@code TMFAIL}, every branch
 * rolled back. Nothing was logged, so a branch that cannot be rolled back now is left to
 * recovery, which presumes abort.
 */
class RollbackTest {
    private final Scenario s = new Scenario(b -> b.commitRetries(1));
    private final ScriptedResource a = s.resource("A");
    private final ScriptedResource b = s.resource("B");

    @AfterEach
    void close() {
        s.close();
    }

    private PactumTransaction begin() throws Exception {
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.enlistResource(a);
        tx.enlistResource(b);
        return tx;
    }

    private void assertSettled(PactumTransaction tx) {
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
        assertThat(s.log.pendingDecisions()).isEmpty();
        assertThat(s.log.heuristics()).isEmpty();
        assertThat(s.trace.only("log.")).isEmpty();
    }

    @Test
    void endsWithFailureThenRollsBackEveryBranch() throws Exception {
        PactumTransaction tx = begin();
        s.tm.rollback();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)",
                "A.end(1,TMFAIL)", "B.end(2,TMFAIL)",
                "A.rollback(1)", "B.rollback(2)");
        assertThat(a.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(b.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertSettled(tx);
    }

    /** An association the application already ended is not ended twice; a suspended one is. */
    @Test
    void endsOnlyTheAssociationsStillOpen() throws Exception {
        PactumTransaction tx = begin();
        tx.delistResource(a, XAResource.TMSUCCESS);
        tx.delistResource(b, XAResource.TMSUSPEND);
        s.tm.rollback();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)",
                "A.end(1,TMSUCCESS)", "B.end(2,TMSUSPEND)",
                "B.end(2,TMFAIL)",
                "A.rollback(1)", "B.rollback(2)");
        assertSettled(tx);
    }

    /** The branch is already gone, e.g. the database rolled it back when the connection dropped. */
    @Test
    void unknownBranchAtRollbackCountsAsRolledBack() throws Exception {
        a.fail(ROLLBACK, XAException.XAER_NOTA);
        PactumTransaction tx = begin();
        s.tm.rollback();

        assertThat(s.trace.only("A.rollback")).containsExactly("A.rollback(1)");
        assertThat(s.trace.events()).endsWith("A.rollback(1)", "B.rollback(2)");
        assertSettled(tx);
    }

    @Test
    void lostRollbackIsRetried() throws Exception {
        a.fail(ROLLBACK, XAException.XAER_RMFAIL);
        PactumTransaction tx = begin();
        s.tm.rollback();

        assertThat(s.trace.events()).endsWith("A.rollback(1)", "A.rollback(1)", "B.rollback(2)");
        assertThat(a.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertSettled(tx);
    }

    @Test
    void rollbackThatKeepsFailingIsLeftToRecoveryQuietly() throws Exception {
        a.fail(ROLLBACK, XAException.XAER_RMFAIL, XAException.XAER_RMFAIL);
        PactumTransaction tx = begin();
        s.tm.rollback();

        assertThat(s.trace.events()).endsWith("A.rollback(1)", "A.rollback(1)", "B.rollback(2)");
        assertThat(a.outcome()).isEqualTo(Outcome.IDLE); // still there: recovery rolls it back
        assertThat(b.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertSettled(tx);
    }
}
