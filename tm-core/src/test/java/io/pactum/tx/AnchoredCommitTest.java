package io.pactum.tx;

import static io.pactum.testing.ScriptedResource.Call.COMMIT;
import static io.pactum.testing.ScriptedResource.Call.PREPARE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.recovery.DecisionAnchor.Decision;
import io.pactum.recovery.RecoverableResource;
import io.pactum.recovery.ScanReport;
import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedAnchor;
import io.pactum.testing.ScriptedLastResource;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.ScriptedResource.Outcome;
import io.pactum.xid.GlobalId;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import java.time.Duration;
import java.util.Set;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The anchored commit: a resource that holds decisions takes its transaction's decision into
 * its own work and is committed in one phase after the others prepared; nothing is logged.
 */
class AnchoredCommitTest {
    private final Scenario s = new Scenario(b -> b.orphanSafetyInterval(Duration.ZERO)
            .recovery(false).recoveryInterval(Duration.ofMillis(20)));
    private final ScriptedAnchor anchor = new ScriptedAnchor(s.resource("A"), s.trace);
    private final ScriptedResource b = s.resource("B");
    private final ScriptedResource c = s.resource("C");

    AnchoredCommitTest() {
        s.tm.registerRecoverable(anchor);
        s.tm.registerRecoverable(RecoverableResource.of("B", b));
        s.tm.registerRecoverable(RecoverableResource.of("C", c));
    }

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

    private Outcome anchorOutcome() {
        return anchor.rm().outcome();
    }

    @Test
    void theAnchorsOnePhaseCommitIsTheDecisionAndNothingIsLogged() throws Exception {
        PactumTransaction tx = begin(anchor.branch(), b);
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)",
                "A.decision(B)",
                "A.end(1,TMSUCCESS)", "B.end(2,TMSUCCESS)",
                "B.prepare(2)",
                "A.commit(1,1pc)",
                "B.commit(2,2pc)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(anchorOutcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(b.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(anchor.finished()).containsExactly(tx.globalId());
        assertThat(anchor.durable()).isEmpty();
        assertThat(s.log.pendingDecisions()).isEmpty();
    }

    @Test
    void theAnchorNeedNotBeEnlistedFirst() throws Exception {
        begin(b, c, anchor.branch());
        s.tm.commit();

        assertThat(s.trace.events()).containsSubsequence("A.decision(B,C)", "B.prepare(1)", "C.prepare(2)",
                "A.commit(3,1pc)", "B.commit(1,2pc)", "C.commit(2,2pc)");
        assertThat(s.trace.events()).noneMatch(e -> e.startsWith("log."));
    }

    @Test
    void withoutTheAnchorTheDecisionIsLogged() throws Exception {
        begin(b, c);
        s.tm.commit();

        assertThat(s.trace.events()).contains("log.decision(B:1,C:2)");
    }

    @Test
    void aloneTheAnchorCommitsInOnePhaseWithoutADecision() throws Exception {
        begin(anchor.branch());
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly("A.start(1,TMNOFLAGS)", "A.end(1,TMSUCCESS)", "A.commit(1,1pc)");
        assertThat(anchor.durable()).isEmpty();
    }

    @Test
    void whenTheOthersAreReadOnlyTheAnchorIsCommittedAlone() throws Exception {
        b.readOnly();
        begin(anchor.branch(), b);
        s.tm.commit();

        assertThat(s.trace.events()).containsSubsequence("B.prepare(2)", "A.commit(1,1pc)");
        assertThat(anchorOutcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(anchor.durable()).isEmpty();
    }

    @Test
    void aRefusedPrepareRollsEverythingBackAndTheDecisionWithIt() throws Exception {
        b.fail(PREPARE, XAException.XA_RBROLLBACK);
        PactumTransaction tx = begin(anchor.branch(), b);

        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class);
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(anchorOutcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(anchor.durable()).isEmpty();
        assertThat(s.trace.events()).doesNotContain("A.commit(1,1pc)");
    }

    @Test
    void anAnchorThatRollsBackAtCommitRollsBackThePreparedBranches() throws Exception {
        anchor.rm().fail(COMMIT, XAException.XA_RBDEADLOCK);
        PactumTransaction tx = begin(anchor.branch(), b);

        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class)
                .hasMessageContaining("anchor A rolled back");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(b.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(anchor.durable()).isEmpty();
    }

    @Test
    void aLostAnswerIsSettledByAskingTheAnchorWhichFindsTheDecision() throws Exception {
        anchor.loseCommitAnswer();
        PactumTransaction tx = begin(anchor.branch(), b);
        s.tm.commit();

        assertThat(s.trace.events()).containsSubsequence("A.commit(1,1pc)", "A.ask", "B.commit(2,2pc)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(b.outcome()).isEqualTo(Outcome.COMMITTED);
    }

    @Test
    void aLostAnswerWhereTheAnchorDidNotCommitRollsBackAfterLeavingARefusal() throws Exception {
        anchor.rm().fail(COMMIT, XAException.XAER_RMFAIL);
        PactumTransaction tx = begin(anchor.branch(), b);

        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class);
        assertThat(s.trace.events()).containsSubsequence("A.commit(1,1pc)", "A.ask", "B.rollback(2)");
        assertThat(b.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(anchor.finished()).as("the refusal has served once B rolled back").contains(tx.globalId());
        assertThat(anchor.durable()).doesNotContainKey(tx.globalId());
    }

    @Test
    void anAnchorThatCannotBeAskedLeavesThePreparedBranchesToRecoveryWhichCommitsThem() throws Exception {
        anchor.loseCommitAnswer().unreachable(true);
        PactumTransaction tx = begin(anchor.branch(), b);

        assertThatThrownBy(s.tm::commit).isInstanceOf(HeuristicMixedException.class)
                .hasMessageContaining("left to recovery");
        assertThat(b.outcome()).isEqualTo(Outcome.PREPARED);

        assertThat(s.tm.recoverNow().waiting()).as("seen once: not yet").isEqualTo(1);
        ScanReport down = s.tm.recoverNow();
        assertThat(down.failed()).as("the anchor is down: nothing is concluded").isEqualTo(1);
        assertThat(b.outcome()).isEqualTo(Outcome.PREPARED);

        anchor.unreachable(false);
        ScanReport r = recoverAfterBackoff();
        assertThat(r.committed()).isEqualTo(1);
        assertThat(b.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(anchor.durable()).as("nothing left to recover: the decision is cleaned up")
                .doesNotContainKey(tx.globalId());
    }

    /** Recovery backs off after a failure; a scenario's back-off is its recovery interval. */
    private ScanReport recoverAfterBackoff() throws InterruptedException {
        ScanReport r = s.tm.recoverNow();
        for (int i = 0; i < 200 && r.committed() + r.rolledBack() == 0; i++) {
            Thread.sleep(100);
            r = s.tm.recoverNow();
        }
        return r;
    }

    @Test
    void aLastResourceTakesTheLoggedPath() throws Exception {
        ScriptedLastResource l = new ScriptedLastResource("L", s.trace);
        begin(anchor.branch(), b, l);
        s.tm.commit();

        assertThat(s.trace.events()).noneMatch(e -> e.startsWith("A.decision"));
        assertThat(s.trace.events()).containsSubsequence("A.prepare(1)", "B.prepare(2)", "L.commit(3,1pc)",
                "log.decision(A:1,B:2)");
    }

    @Test
    void aTransactionBegunBeforeTheAnchorRegisteredLogsItsDecision() throws Exception {
        s.tm.unregisterRecoverable("A");
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        s.tm.registerRecoverable(anchor);
        assertThat(tx.globalId().anchor()).isZero();
        tx.enlistResource(anchor.branch());
        tx.enlistResource(b);
        s.tm.commit();

        assertThat(s.trace.events()).contains("log.decision(A:1,B:2)");
    }

    @Test
    void aSecondAnchorIsRefusedWithBothNames() {
        ScriptedAnchor other = new ScriptedAnchor(s.resource("Z"), s.trace);
        assertThatThrownBy(() -> s.tm.registerRecoverable(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Z'").hasMessageContaining("'A'");
    }

    @Test
    void gtridsNameTheAnchorFromBeginOn() throws Exception {
        s.tm.begin();
        GlobalId id = s.tm.getTransaction().globalId();
        s.tm.rollback();
        assertThat(id.anchor()).isEqualTo(GlobalId.anchorId("A"));
        assertThat(GlobalId.parse(id.toBytes())).contains(id);
    }

    @Test
    void recoveryHoldsARefusalUntilNothingIsLeftAndThenForgetsIt() throws Exception {
        // A crash after the prepare, before the anchor committed: B is prepared, the anchor has nothing.
        b.onCommit(() -> { });
        anchor.rm().fail(COMMIT, XAException.XAER_RMFAIL);
        anchor.unreachable(true);
        PactumTransaction tx = begin(anchor.branch(), b);
        assertThatThrownBy(s.tm::commit).isInstanceOf(HeuristicMixedException.class);
        anchor.unreachable(false);

        s.tm.recoverNow();
        ScanReport r = recoverAfterBackoff();

        assertThat(r.rolledBack()).isEqualTo(1);
        assertThat(b.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(s.trace.events()).contains("A.forget1");
        assertThat(anchor.durable()).doesNotContainKey(tx.globalId());
    }

    @Test
    void aDecisionNamingAResourceNotRegisteredHereIsKept() throws Exception {
        anchor.loseCommitAnswer().unreachable(true);
        PactumTransaction tx = begin(anchor.branch(), b, c);
        assertThatThrownBy(s.tm::commit).isInstanceOf(HeuristicMixedException.class);
        anchor.unreachable(false);
        s.tm.unregisterRecoverable("C");

        s.tm.recoverNow();
        recoverAfterBackoff();
        recoverAfterBackoff();

        assertThat(b.outcome()).isEqualTo(Outcome.COMMITTED);
        Decision d = anchor.durable().get(tx.globalId());
        assertThat(d).as("C may still hold a prepared branch").isNotNull();
        assertThat(d.resources()).isEqualTo(Set.of("B", "C"));
    }
}
