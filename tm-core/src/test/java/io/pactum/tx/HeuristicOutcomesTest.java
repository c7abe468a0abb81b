package io.pactum.tx;

import static io.pactum.testing.ScriptedResource.Call.COMMIT;
import static io.pactum.testing.ScriptedResource.Call.PREPARE;
import static io.pactum.testing.ScriptedResource.Call.ROLLBACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.log.HeuristicOutcome;
import io.pactum.log.HeuristicRecord;
import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.ScriptedResource.Outcome;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A resource manager decided on its own. When that contradicts the decision, the outcome is
 * written to the log before the branch is forgotten, and stays there for an operator; when it
 * agrees with the decision, it is only forgotten.
 */
class HeuristicOutcomesTest {
    private final Scenario s = new Scenario();
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

    private void assertSettled() {
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
        assertThat(s.log.pendingDecisions()).isEmpty();
    }

    private static String outcomeOf(int code) {
        return switch (code) {
            case XAException.XA_HEURCOM -> "COMMITTED";
            case XAException.XA_HEURRB -> "ROLLED_BACK";
            case XAException.XA_HEURMIX -> "MIXED";
            default -> "HAZARD";
        };
    }

    @Test
    void heuristicCommitInPhaseTwoAgreesAndIsOnlyForgotten() throws Exception {
        b.fail(COMMIT, XAException.XA_HEURCOM);
        PactumTransaction tx = begin();
        s.tm.commit();

        assertThat(s.trace.events()).endsWith(
                "log.decision(A:1,B:2)",
                "A.commit(1,2pc)", "B.commit(2,2pc)", "B.forget(2)",
                "log.done");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(a.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(b.outcome()).isEqualTo(Outcome.FORGOTTEN);
        assertThat(s.log.heuristics()).isEmpty();
        assertSettled();
    }

    /** One branch committed, the other did not: some of the work is in, some is not. */
    @ParameterizedTest(name = "error code {0}")
    @ValueSource(ints = {XAException.XA_HEURRB, XAException.XA_HEURMIX, XAException.XA_HEURHAZ})
    void contradictingHeuristicInPhaseTwoIsLoggedBeforeForgetAndMixed(int code) throws Exception {
        b.fail(COMMIT, code);
        PactumTransaction tx = begin();

        assertThatThrownBy(s.tm::commit).isInstanceOf(HeuristicMixedException.class)
                .hasMessageContaining("PACTUM-3003");
        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)",
                "A.end(1,TMSUCCESS)", "B.end(2,TMSUCCESS)",
                "A.prepare(1)", "B.prepare(2)",
                "log.decision(A:1,B:2)",
                "A.commit(1,2pc)", "B.commit(2,2pc)",
                "log.heuristic(B:2," + outcomeOf(code) + ")", "B.forget(2)",
                "log.done");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_UNKNOWN);
        assertThat(a.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(b.outcome()).isEqualTo(Outcome.FORGOTTEN);
        assertThat(s.log.heuristics()).singleElement().satisfies(h -> {
            assertThat(h.branch().resourceName()).isEqualTo("B");
            assertThat(h.branch().xid().globalId()).isEqualTo(tx.globalId());
            assertThat(h.outcome()).isEqualTo(HeuristicOutcome.valueOf(outcomeOf(code)));
            assertThat(h.committed()).isTrue();
        });
        assertSettled();
    }

    /** XA_RB* may only answer a one-phase commit: a prepared branch that rolled back did so on its own. */
    @Test
    void rollbackAnswerToAPreparedBranchsCommitIsAHeuristicRollback() throws Exception {
        b.fail(COMMIT, XAException.XA_RBROLLBACK);
        PactumTransaction tx = begin();

        assertThatThrownBy(s.tm::commit).isInstanceOf(HeuristicMixedException.class);
        assertThat(s.trace.events()).endsWith(
                "A.commit(1,2pc)", "B.commit(2,2pc)",
                "log.heuristic(B:2,ROLLED_BACK)",
                "log.done");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_UNKNOWN);
        assertSettled();
    }

    @Test
    void everyBranchRolledBackHeuristicallyIsAHeuristicRollback() throws Exception {
        a.fail(COMMIT, XAException.XA_HEURRB);
        b.fail(COMMIT, XAException.XA_HEURRB);
        PactumTransaction tx = begin();

        assertThatThrownBy(s.tm::commit).isInstanceOf(HeuristicRollbackException.class);
        assertThat(s.trace.events()).endsWith(
                "log.decision(A:1,B:2)",
                "A.commit(1,2pc)", "log.heuristic(A:1,ROLLED_BACK)", "A.forget(1)",
                "B.commit(2,2pc)", "log.heuristic(B:2,ROLLED_BACK)", "B.forget(2)",
                "log.done");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(s.log.heuristics()).extracting(HeuristicRecord::outcome)
                .containsExactly(HeuristicOutcome.ROLLED_BACK, HeuristicOutcome.ROLLED_BACK);
        assertSettled();
    }

    @Test
    void heuristicCommitOfOneAndRollbackOfTheOtherIsMixed() throws Exception {
        a.fail(COMMIT, XAException.XA_HEURCOM);
        b.fail(COMMIT, XAException.XA_HEURRB);
        PactumTransaction tx = begin();

        assertThatThrownBy(s.tm::commit).isInstanceOf(HeuristicMixedException.class);
        assertThat(s.trace.events()).endsWith(
                "A.commit(1,2pc)", "A.forget(1)",
                "B.commit(2,2pc)", "log.heuristic(B:2,ROLLED_BACK)", "B.forget(2)",
                "log.done");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_UNKNOWN);
        assertSettled();
    }

    /** The other branch is left to recovery, so nobody can say yet that all was rolled back. */
    @Test
    void heuristicRollbackWithAnotherBranchInDoubtIsMixedAndKeepsTheDecision() throws Exception {
        a.fail(COMMIT, XAException.XA_HEURRB);
        b.fail(COMMIT, XAException.XAER_RMFAIL, XAException.XAER_RMFAIL, XAException.XAER_RMFAIL,
                XAException.XAER_RMFAIL);
        PactumTransaction tx = begin();

        assertThatThrownBy(s.tm::commit).isInstanceOf(HeuristicMixedException.class);
        assertThat(s.trace.only("log.")).containsExactly("log.decision(A:1,B:2)", "log.heuristic(A:1,ROLLED_BACK)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_UNKNOWN);
        assertThat(s.log.pendingDecisions()).hasSize(1);
        assertThat(s.tm.inFlightCount()).isZero();
    }

    @Test
    void heuristicRollbackAtRollbackAgreesAndIsOnlyForgotten() throws Exception {
        a.fail(ROLLBACK, XAException.XA_HEURRB);
        PactumTransaction tx = begin();
        s.tm.rollback();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)",
                "A.end(1,TMFAIL)", "B.end(2,TMFAIL)",
                "A.rollback(1)", "A.forget(1)", "B.rollback(2)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(a.outcome()).isEqualTo(Outcome.FORGOTTEN);
        assertThat(b.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(s.log.heuristics()).isEmpty();
        assertSettled();
    }

    @ParameterizedTest(name = "error code {0}")
    @ValueSource(ints = {XAException.XA_HEURCOM, XAException.XA_HEURMIX, XAException.XA_HEURHAZ})
    void contradictingHeuristicAtRollbackIsLoggedBeforeForgetAndReported(int code) throws Exception {
        a.fail(ROLLBACK, code);
        PactumTransaction tx = begin();

        assertThatThrownBy(s.tm::rollback).isInstanceOf(SystemException.class)
                .hasMessageContaining("heuristically");
        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)",
                "A.end(1,TMFAIL)", "B.end(2,TMFAIL)",
                "A.rollback(1)", "log.heuristic(A:1," + outcomeOf(code) + ")", "A.forget(1)",
                "B.rollback(2)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_UNKNOWN);
        assertThat(b.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(s.log.heuristics()).singleElement().satisfies(h -> {
            assertThat(h.outcome()).isEqualTo(HeuristicOutcome.valueOf(outcomeOf(code)));
            assertThat(h.committed()).isFalse();
        });
        assertSettled();
    }

    /** Commit rolls back after a no vote, and a prepared branch had already committed on its own. */
    @Test
    void heuristicCommitWhileCommitRollsBackIsMixed() throws Exception {
        b.fail(PREPARE, XAException.XA_RBROLLBACK);
        a.fail(ROLLBACK, XAException.XA_HEURCOM);
        PactumTransaction tx = begin();

        assertThatThrownBy(s.tm::commit).isInstanceOf(HeuristicMixedException.class)
                .hasMessageContaining("did not prepare");
        assertThat(s.trace.events()).endsWith(
                "A.prepare(1)", "B.prepare(2)",
                "A.rollback(1)", "log.heuristic(A:1,COMMITTED)", "A.forget(1)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_UNKNOWN);
        assertSettled();
    }
}
