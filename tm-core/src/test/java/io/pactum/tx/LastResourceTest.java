package io.pactum.tx;

import static io.pactum.testing.ScriptedResource.Call.COMMIT;
import static io.pactum.testing.ScriptedResource.Call.PREPARE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.log.HeuristicOutcome;
import io.pactum.log.HeuristicRecord;
import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedLastResource;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.ScriptedResource.Outcome;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A last resource (a non-XA connection) is never prepared: the XA branches prepare, the decision
 * is logged, the last resource commits in one phase, and only then do the others commit. Its
 * refusal rolls them back.
 */
class LastResourceTest {
    private final Scenario s = new Scenario();
    private final ScriptedResource a = s.resource("A");
    private final ScriptedResource b = s.resource("B");
    private final ScriptedLastResource l = new ScriptedLastResource("L", s.trace);

    @AfterEach
    void close() {
        s.close();
    }

    private PactumTransaction begin(XAResource... resources) throws Exception {
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        for (XAResource r : resources) {
            tx.enlistResource(r);
        }
        return tx;
    }

    private void assertSettled() {
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
        assertThat(s.log.pendingDecisions()).isEmpty();
    }

    @Test
    void commitsAfterThePrepareAndBeforeTheDecision() throws Exception {
        PactumTransaction tx = begin(a, l);
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "L.start(2,TMNOFLAGS)",
                "A.end(1,TMSUCCESS)", "L.end(2,TMSUCCESS)",
                "A.prepare(1)",
                "L.commit(2,1pc)",
                "log.decision(A:1)",
                "A.commit(1,2pc)",
                "log.done");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(a.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(l.outcome()).isEqualTo(Outcome.COMMITTED);
        assertSettled();
    }

    @Test
    void isNeverPreparedWhereverItWasEnlisted() throws Exception {
        begin(l, a, b);
        s.tm.commit();

        assertThat(s.trace.events()).containsSubsequence(
                "A.prepare(2)", "B.prepare(3)", "L.commit(1,1pc)", "log.decision(A:2,B:3)",
                "A.commit(2,2pc)", "B.commit(3,2pc)", "log.done");
        assertThat(s.trace.events()).doesNotContain("L.prepare(1)");
        assertSettled();
    }

    @Test
    void aloneItCommitsInOnePhaseWithoutLog() throws Exception {
        begin(l);
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly("L.start(1,TMNOFLAGS)", "L.end(1,TMSUCCESS)", "L.commit(1,1pc)");
        assertSettled();
    }

    @Test
    void whenTheOthersVoteReadOnlyItCommitsInOnePhaseWithoutLog() throws Exception {
        a.readOnly();
        begin(a, l);
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "L.start(2,TMNOFLAGS)",
                "A.end(1,TMSUCCESS)", "L.end(2,TMSUCCESS)",
                "A.prepare(1)",
                "L.commit(2,1pc)");
        assertThat(l.outcome()).isEqualTo(Outcome.COMMITTED);
        assertSettled();
    }

    @Test
    void itsRefusalRollsBackThePreparedBranchesWithNothingDecided() throws Exception {
        l.fail(COMMIT, XAException.XA_RBROLLBACK);
        PactumTransaction tx = begin(a, b, l);

        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class)
                .hasMessageContaining("last resource L refused to commit");
        assertThat(s.trace.events()).containsSubsequence(
                "A.prepare(1)", "B.prepare(2)", "L.commit(3,1pc)", "A.rollback(1)", "B.rollback(2)");
        assertThat(s.trace.events()).doesNotContain("A.commit(1,2pc)", "L.rollback(3)")
                .noneMatch(e -> e.startsWith("log."));
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(a.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(b.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertSettled();
    }

    @Test
    void aNoVoteRollsItBackWithoutCommittingIt() throws Exception {
        a.fail(PREPARE, XAException.XA_RBINTEGRITY);
        begin(a, l);

        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class);
        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "L.start(2,TMNOFLAGS)",
                "A.end(1,TMSUCCESS)", "L.end(2,TMSUCCESS)",
                "A.prepare(1)",
                "L.rollback(2)");
        assertThat(l.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertSettled();
    }

    /** Its answer was lost: the decision stands for the others, and the application hears it is unknown. */
    @Test
    void aLostAnswerCommitsTheOthersAndIsAHeuristicHazard() throws Exception {
        l.fail(COMMIT, XAException.XAER_RMFAIL, XAException.XAER_RMFAIL, XAException.XAER_RMFAIL,
                XAException.XAER_RMFAIL);
        PactumTransaction tx = begin(a, l);

        assertThatThrownBy(s.tm::commit).isInstanceOf(HeuristicMixedException.class);
        assertThat(a.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_UNKNOWN);
        assertThat(s.log.heuristics()).extracting(HeuristicRecord::outcome).containsExactly(HeuristicOutcome.HAZARD);
        assertThat(s.log.pendingDecisions()).isEmpty();
    }

    @Test
    void aSecondOneRefusingAfterTheFirstCommittedIsMixed() throws Exception {
        ScriptedLastResource m = new ScriptedLastResource("M", s.trace).fail(COMMIT, XAException.XA_RBROLLBACK);
        begin(a, l, m);

        assertThatThrownBy(s.tm::commit).isInstanceOf(HeuristicMixedException.class);
        assertThat(s.trace.events()).containsSubsequence(
                "L.commit(2,1pc)", "M.commit(3,1pc)", "log.decision(A:1)", "A.commit(1,2pc)", "log.done");
        assertThat(l.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(m.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    }

    @Test
    void aDecisionThatCannotBeWrittenAfterItCommittedDoesNotUndoIt() throws Exception {
        s.log.failDecisions(true);
        PactumTransaction tx = begin(a, b, l);
        s.tm.commit();

        assertThat(s.trace.events()).containsSubsequence(
                "L.commit(3,1pc)", "log.decision-failed", "A.commit(1,2pc)", "B.commit(2,2pc)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(a.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(b.outcome()).isEqualTo(Outcome.COMMITTED);
    }

    @Test
    void isRolledBackWithTheOthers() throws Exception {
        begin(a, l);
        s.tm.rollback();

        assertThat(s.trace.events()).containsSubsequence("A.rollback(1)", "L.rollback(2)");
        assertThat(l.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertSettled();
    }

    @Test
    void isNeverJoinedEvenWhenItClaimsTheSameResourceManager() throws Exception {
        l.sameRmAs(a);
        ScriptedResource c = s.resource("C").sameRmAs(l);
        PactumTransaction tx = begin(a, l, c);

        assertThat(tx.branches()).hasSize(3);
        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "L.start(2,TMNOFLAGS)", "C.start(3,TMNOFLAGS)");
        s.tm.rollback();
    }
}
