package io.pactum.tx;

import static io.pactum.testing.ScriptedResource.Call.COMMIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.log.HeuristicOutcome;
import io.pactum.log.HeuristicRecord;
import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.ScriptedResource.Outcome;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One resource: no prepare, one-phase commit, nothing logged unless the resource manager goes heuristic. */
class OnePhaseCommitTest {
    private final Scenario s = new Scenario();
    private final ScriptedResource a = s.resource("A");

    @AfterEach
    void close() {
        s.close();
    }

    private PactumTransaction begin() throws Exception {
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.enlistResource(a);
        return tx;
    }

    private void assertSettled() {
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.getStatus()).isEqualTo(Status.STATUS_NO_TRANSACTION);
        assertThat(s.tm.inFlightCount()).isZero();
        assertThat(s.log.pendingDecisions()).isEmpty();
    }

    @Test
    void commitsInOnePhaseWithoutPrepareOrLog() throws Exception {
        PactumTransaction tx = begin();
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "A.end(1,TMSUCCESS)", "A.commit(1,1pc)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(a.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(s.log.heuristics()).isEmpty();
        assertSettled();
    }

    @ParameterizedTest(name = "XA_RB code {0}")
    @ValueSource(ints = {XAException.XA_RBROLLBACK, XAException.XA_RBCOMMFAIL, XAException.XA_RBDEADLOCK,
            XAException.XA_RBINTEGRITY, XAException.XA_RBOTHER, XAException.XA_RBPROTO, XAException.XA_RBTIMEOUT,
            XAException.XA_RBTRANSIENT})
    void rollbackAnswerToOnePhaseCommitIsARollbackException(int code) throws Exception {
        a.fail(COMMIT, code);
        PactumTransaction tx = begin();

        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class)
                .hasMessageContaining("resource A rolled back its one-phase commit");
        // The resource manager already rolled it back: no rollback call follows.
        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "A.end(1,TMSUCCESS)", "A.commit(1,1pc)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(a.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(s.log.heuristics()).isEmpty();
        assertSettled();
    }

    @Test
    void unknownBranchAtOnePhaseCommitMeansRolledBack() throws Exception {
        a.fail(COMMIT, XAException.XAER_NOTA);
        PactumTransaction tx = begin();

        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class);
        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "A.end(1,TMSUCCESS)", "A.commit(1,1pc)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertSettled();
    }

    /** Nothing was logged, so a lost answer cannot be left to recovery: the application must hear of it. */
    @ParameterizedTest(name = "error code {0}")
    @ValueSource(ints = {XAException.XAER_RMFAIL, XAException.XAER_RMERR, 0})
    void lostAnswerToOnePhaseCommitIsAHazard(int code) throws Exception {
        a.fail(COMMIT, code);
        PactumTransaction tx = begin();

        assertThatThrownBy(s.tm::commit).isInstanceOf(HeuristicMixedException.class)
                .hasMessageContaining("mixed or unknown");
        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "A.end(1,TMSUCCESS)", "A.commit(1,1pc)",
                "log.heuristic(A:1,HAZARD)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_UNKNOWN);
        assertThat(s.log.heuristics()).extracting(HeuristicRecord::outcome).containsExactly(HeuristicOutcome.HAZARD);
        assertThat(s.log.heuristics()).extracting(HeuristicRecord::committed).containsExactly(true);
        assertSettled();
    }

    @Test
    void retryAnswerIsRetriedUntilTheCommitSucceeds() throws Exception {
        a.fail(COMMIT, XAException.XA_RETRY, XAException.XA_RETRY);
        PactumTransaction tx = begin();
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "A.end(1,TMSUCCESS)",
                "A.commit(1,1pc)", "A.commit(1,1pc)", "A.commit(1,1pc)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(a.outcome()).isEqualTo(Outcome.COMMITTED);
        assertSettled();
    }

    @Test
    void retryAnswerBeyondTheRetriesIsAHazard() throws Exception {
        a.fail(COMMIT, XAException.XA_RETRY, XAException.XA_RETRY, XAException.XA_RETRY, XAException.XA_RETRY);
        PactumTransaction tx = begin();

        assertThatThrownBy(s.tm::commit).isInstanceOf(HeuristicMixedException.class);
        assertThat(s.trace.only("A.commit")).hasSize(4); // the first try and commitRetries = 3 more
        assertThat(s.trace.only("log.")).containsExactly("log.heuristic(A:1,HAZARD)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_UNKNOWN);
        assertSettled();
    }

    /** A heuristic commit is what was asked for: it is only forgotten. */
    @Test
    void heuristicCommitIsForgottenAndCommitSucceeds() throws Exception {
        a.fail(COMMIT, XAException.XA_HEURCOM);
        PactumTransaction tx = begin();
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "A.end(1,TMSUCCESS)", "A.commit(1,1pc)", "A.forget(1)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(a.outcome()).isEqualTo(Outcome.FORGOTTEN);
        assertThat(s.log.heuristics()).isEmpty();
        assertSettled();
    }

    @Test
    void heuristicRollbackIsRecordedForgottenAndReported() throws Exception {
        a.fail(COMMIT, XAException.XA_HEURRB);
        PactumTransaction tx = begin();

        assertThatThrownBy(s.tm::commit).isInstanceOf(HeuristicRollbackException.class);
        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "A.end(1,TMSUCCESS)", "A.commit(1,1pc)",
                "log.heuristic(A:1,ROLLED_BACK)", "A.forget(1)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(a.outcome()).isEqualTo(Outcome.FORGOTTEN);
        assertThat(s.log.heuristics()).extracting(HeuristicRecord::outcome)
                .containsExactly(HeuristicOutcome.ROLLED_BACK);
        assertSettled();
    }

    @ParameterizedTest(name = "error code {0}")
    @ValueSource(ints = {XAException.XA_HEURMIX, XAException.XA_HEURHAZ})
    void mixedOrHazardHeuristicIsRecordedForgottenAndReportedMixed(int code) throws Exception {
        a.fail(COMMIT, code);
        PactumTransaction tx = begin();
        HeuristicOutcome expected = code == XAException.XA_HEURMIX ? HeuristicOutcome.MIXED : HeuristicOutcome.HAZARD;

        assertThatThrownBy(s.tm::commit).isInstanceOf(HeuristicMixedException.class);
        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "A.end(1,TMSUCCESS)", "A.commit(1,1pc)",
                "log.heuristic(A:1," + expected + ")", "A.forget(1)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_UNKNOWN);
        assertThat(s.log.heuristics()).extracting(HeuristicRecord::outcome).containsExactly(expected);
        assertSettled();
    }
}
