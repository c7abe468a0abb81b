package io.pactum.tx;

import static io.pactum.testing.ScriptedResource.Call.PREPARE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.ScriptedResource.Outcome;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A branch votes no ({@code XA_RB*}) at prepare: it is already rolled back and is not asked
 * again; the branches prepared before it are rolled back; those after it are never asked to
 * prepare, only rolled back.
 */
class NoVoteTest {
    private final Scenario s = new Scenario();
    private final ScriptedResource a = s.resource("A");
    private final ScriptedResource b = s.resource("B");
    private final ScriptedResource c = s.resource("C");

    @AfterEach
    void close() {
        s.close();
    }

    private PactumTransaction begin() throws Exception {
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.enlistResource(a);
        tx.enlistResource(b);
        tx.enlistResource(c);
        return tx;
    }

    @ParameterizedTest(name = "XA_RB code {0}")
    @ValueSource(ints = {XAException.XA_RBROLLBACK, XAException.XA_RBCOMMFAIL, XAException.XA_RBDEADLOCK,
            XAException.XA_RBINTEGRITY, XAException.XA_RBOTHER, XAException.XA_RBPROTO, XAException.XA_RBTIMEOUT,
            XAException.XA_RBTRANSIENT})
    void middleBranchVotesNo(int code) throws Exception {
        b.fail(PREPARE, code);
        PactumTransaction tx = begin();

        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class)
                .hasMessageContaining("did not prepare").hasMessageContaining("resource B");
        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)", "C.start(3,TMNOFLAGS)",
                "A.end(1,TMSUCCESS)", "B.end(2,TMSUCCESS)", "C.end(3,TMSUCCESS)",
                "A.prepare(1)", "B.prepare(2)",
                "A.rollback(1)", "C.rollback(3)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(a.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(b.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(c.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
        assertThat(s.log.pendingDecisions()).isEmpty();
        assertThat(s.log.heuristics()).isEmpty();
    }

    @Test
    void firstBranchVotesNoAndNoOtherIsPrepared() throws Exception {
        a.fail(PREPARE, XAException.XA_RBDEADLOCK);
        PactumTransaction tx = begin();

        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class);
        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)", "C.start(3,TMNOFLAGS)",
                "A.end(1,TMSUCCESS)", "B.end(2,TMSUCCESS)", "C.end(3,TMSUCCESS)",
                "A.prepare(1)",
                "B.rollback(2)", "C.rollback(3)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
        assertThat(s.log.pendingDecisions()).isEmpty();
    }

    @Test
    void lastBranchVotesNoAfterAReadOnlyVote() throws Exception {
        a.readOnly();
        c.fail(PREPARE, XAException.XA_RBINTEGRITY);
        PactumTransaction tx = begin();

        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class)
                .hasMessageContaining("resource C");
        // A finished at its read-only vote; only B still holds work.
        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)", "C.start(3,TMNOFLAGS)",
                "A.end(1,TMSUCCESS)", "B.end(2,TMSUCCESS)", "C.end(3,TMSUCCESS)",
                "A.prepare(1)", "B.prepare(2)", "C.prepare(3)",
                "B.rollback(2)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(a.outcome()).isEqualTo(Outcome.READ_ONLY);
        assertThat(b.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(s.tm.inFlightCount()).isZero();
        assertThat(s.log.pendingDecisions()).isEmpty();
    }
}
