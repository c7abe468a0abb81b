package io.pactum.tx;

import static io.pactum.testing.ScriptedResource.Call.COMMIT;
import static io.pactum.testing.ScriptedResource.Call.PREPARE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.testing.Await;
import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.TracingListener;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;
import java.time.Duration;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a listener hears, in order, among the XA calls and log writes it reports on. */
class ListenerEventsTest {
    private final TracingListener events = new TracingListener();
    private final Scenario s = new Scenario(b -> b.listener(events).reaperInterval(Duration.ofMillis(50)));
    private final ScriptedResource a = s.resource("A");
    private final ScriptedResource b = s.resource("B");

    ListenerEventsTest() {
        events.recordInto(s.trace);
    }

    @AfterEach
    void close() {
        s.close();
    }

    private PactumTransaction begin(ScriptedResource... resources) throws Exception {
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        for (ScriptedResource r : resources) {
            tx.enlistResource(r);
        }
        return tx;
    }

    @Test
    void twoPhaseCommit() throws Exception {
        PactumTransaction tx = begin(a, b);
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly(
                "tx.begun",
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)",
                "A.end(1,TMSUCCESS)", "B.end(2,TMSUCCESS)",
                "A.prepare(1)", "B.prepare(2)",
                "tx.prepared(2)",
                "log.decision(A:1,B:2)", "tx.decided",
                "A.commit(1,2pc)", "B.commit(2,2pc)",
                "log.done",
                "tx.committed");
        assertThat(events.globalIds()).containsExactly(tx.globalId());
    }

    @Test
    void onePhaseCommitIsNeverPreparedNorDecided() throws Exception {
        begin(a);
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly(
                "tx.begun", "A.start(1,TMNOFLAGS)", "A.end(1,TMSUCCESS)", "A.commit(1,1pc)", "tx.committed");
    }

    @Test
    void applicationRollback() throws Exception {
        begin(a);
        s.tm.rollback();

        assertThat(s.trace.events()).containsExactly(
                "tx.begun", "A.start(1,TMNOFLAGS)", "A.end(1,TMFAIL)", "A.rollback(1)",
                "tx.rolledBack(APPLICATION)");
    }

    @Test
    void noVoteRollsBackWithoutPreparedEvent() throws Exception {
        b.fail(PREPARE, XAException.XA_RBROLLBACK);
        begin(a, b);

        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class);
        assertThat(s.trace.events()).containsExactly(
                "tx.begun",
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)",
                "A.end(1,TMSUCCESS)", "B.end(2,TMSUCCESS)",
                "A.prepare(1)", "B.prepare(2)",
                "A.rollback(1)",
                "tx.rolledBack(BRANCH_REFUSED)");
    }

    @Test
    void decisionLogFailure() throws Exception {
        s.log.failDecisions(true);
        begin(a, b);

        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class);
        assertThat(s.trace.events()).containsSubsequence(
                "tx.prepared(2)", "log.decision-failed", "A.rollback(1)", "B.rollback(2)", "tx.rolledBack(LOG_FAILED)");
        assertThat(s.trace.events()).doesNotContain("tx.decided");
    }

    @Test
    void timeout() throws Exception {
        s.tm.setTransactionTimeout(1);
        PactumTransaction tx = begin(a);
        Await.until("the reaper reports the rollback", () -> s.trace.events().contains("tx.rolledBack(TIMEOUT)"));

        assertThat(s.trace.events()).containsExactly(
                "tx.begun", "A.start(1,TMNOFLAGS)",
                "tx.timedOut",
                "A.end(1,TMFAIL)", "A.rollback(1)",
                "tx.rolledBack(TIMEOUT)");
        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class);
        assertThat(s.trace.events()).endsWith("tx.rolledBack(TIMEOUT)"); // the owner's commit adds nothing
        assertThat(events.globalIds()).containsExactly(tx.globalId());
    }

    @Test
    void heuristicIsHeardBeforeItIsLogged() throws Exception {
        b.fail(COMMIT, XAException.XA_HEURRB);
        begin(a, b);

        assertThatThrownBy(s.tm::commit).isInstanceOf(HeuristicMixedException.class);
        assertThat(s.trace.events()).containsSubsequence(
                "tx.prepared(2)", "log.decision(A:1,B:2)", "tx.decided",
                "A.commit(1,2pc)", "B.commit(2,2pc)",
                "tx.heuristic(B,ROLLED_BACK)", "log.heuristic(B:2,ROLLED_BACK)", "B.forget(2)",
                "log.done");
        assertThat(s.trace.events()).endsWith("tx.endedMixed");
    }

    @Test
    void aHeuristicRollbackOfEveryBranchEndsAsARollback() throws Exception {
        a.fail(COMMIT, XAException.XA_HEURRB);
        b.fail(COMMIT, XAException.XA_HEURRB);
        begin(a, b);

        assertThatThrownBy(s.tm::commit).isInstanceOf(jakarta.transaction.HeuristicRollbackException.class);
        assertThat(s.trace.events()).endsWith("log.done", "tx.rolledBack(HEURISTIC)");
    }
}
