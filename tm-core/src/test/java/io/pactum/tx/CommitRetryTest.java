package io.pactum.tx;

import static io.pactum.testing.ScriptedResource.Call.COMMIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.log.BranchRecord;
import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.ScriptedResource.Outcome;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.Status;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Phase 2 after a logged decision: a commit that may succeed later is retried
 * {@code commitRetries} times, then left to recovery. The decision stays in the log until every
 * branch committed, and commit returns normally: the outcome is decided.
 */
class CommitRetryTest {
    private final Scenario s = new Scenario(b -> b.commitRetries(2));
    private final ScriptedResource a = s.resource("A");
    private final ScriptedResource b = s.resource("B");

    @AfterEach
    void close() {
        s.close();
    }

    private PactumTransaction commit() throws Exception {
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.enlistResource(a);
        tx.enlistResource(b);
        s.tm.commit();
        return tx;
    }

    /** pgjdbc reports some lost connections as XAER_RMERR: retried like XAER_RMFAIL. */
    @ParameterizedTest(name = "error code {0}")
    @ValueSource(ints = {XAException.XAER_RMFAIL, XAException.XAER_RMERR, XAException.XA_RETRY})
    void commitThatFailsOnceIsRetriedAndDone(int code) throws Exception {
        b.fail(COMMIT, code);
        PactumTransaction tx = commit();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)",
                "A.end(1,TMSUCCESS)", "B.end(2,TMSUCCESS)",
                "A.prepare(1)", "B.prepare(2)",
                "log.decision(A:1,B:2)",
                "A.commit(1,2pc)", "B.commit(2,2pc)", "B.commit(2,2pc)",
                "log.done");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(a.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(b.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
        assertThat(s.log.pendingDecisions()).isEmpty();
    }

    @Test
    void commitThatFailsMoreThanTheRetriesIsLeftToRecovery() throws Exception {
        b.fail(COMMIT, XAException.XAER_RMFAIL, XAException.XAER_RMFAIL, XAException.XAER_RMFAIL);
        PactumTransaction tx = commit();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)",
                "A.end(1,TMSUCCESS)", "B.end(2,TMSUCCESS)",
                "A.prepare(1)", "B.prepare(2)",
                "log.decision(A:1,B:2)",
                "A.commit(1,2pc)", "B.commit(2,2pc)", "B.commit(2,2pc)", "B.commit(2,2pc)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(a.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(b.outcome()).isEqualTo(Outcome.PREPARED);
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
        assertThat(s.log.pendingDecisions()).singleElement().satisfies(d -> {
            assertThat(d.globalId()).isEqualTo(tx.globalId());
            assertThat(d.branches()).extracting(BranchRecord::resourceName).containsExactly("A", "B");
        });
        assertThat(s.log.heuristics()).isEmpty();
    }

    /** The earlier attempt committed before its answer was lost: the resource manager has forgotten the branch. */
    @Test
    void unknownBranchOnARetryCountsAsCommitted() throws Exception {
        b.fail(COMMIT, XAException.XAER_RMFAIL, XAException.XAER_NOTA);
        PactumTransaction tx = commit();

        assertThat(s.trace.events()).endsWith(
                "log.decision(A:1,B:2)",
                "A.commit(1,2pc)", "B.commit(2,2pc)", "B.commit(2,2pc)",
                "log.done");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(s.tm.inFlightCount()).isZero();
        assertThat(s.log.pendingDecisions()).isEmpty();
        assertThat(s.log.heuristics()).isEmpty();
    }

    /** No retry leaves the first commit: losing a prepared branch there means nobody knows its outcome. */
    @Test
    void unknownBranchOnTheFirstCommitIsAHazard() throws Exception {
        b.fail(COMMIT, XAException.XAER_NOTA);

        assertThatThrownBy(this::commit).isInstanceOf(HeuristicMixedException.class);
        assertThat(s.trace.events()).endsWith(
                "log.decision(A:1,B:2)",
                "A.commit(1,2pc)", "B.commit(2,2pc)",
                "log.heuristic(B:2,HAZARD)",
                "log.done");
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
        assertThat(s.log.pendingDecisions()).isEmpty();
    }

    /** A refusal that no retry will change is not retried, but the decision still stands for recovery. */
    @ParameterizedTest(name = "error code {0}")
    @ValueSource(ints = {XAException.XAER_PROTO, XAException.XAER_INVAL})
    void commitRefusedIsLeftToRecoveryWithoutRetry(int code) throws Exception {
        b.fail(COMMIT, code);
        PactumTransaction tx = commit();

        assertThat(s.trace.events()).endsWith("log.decision(A:1,B:2)", "A.commit(1,2pc)", "B.commit(2,2pc)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(s.tm.inFlightCount()).isZero();
        assertThat(s.log.pendingDecisions()).extracting(d -> d.globalId()).containsExactly(tx.globalId());
    }

    @Test
    void withoutRetriesTheFirstFailureIsLeftToRecovery() throws Exception {
        try (Scenario none = new Scenario(settings -> settings.commitRetries(0))) {
            ScriptedResource x = none.resource("A");
            ScriptedResource y = none.resource("B").fail(COMMIT, XAException.XA_RETRY);
            none.tm.begin();
            none.tm.getTransaction().enlistResource(x);
            none.tm.getTransaction().enlistResource(y);
            none.tm.commit();

            assertThat(none.trace.only("B.commit")).containsExactly("B.commit(2,2pc)");
            assertThat(none.trace.only("log.")).containsExactly("log.decision(A:1,B:2)");
            assertThat(none.log.pendingDecisions()).hasSize(1);
            assertThat(none.tm.inFlightCount()).isZero();
        }
    }
}
