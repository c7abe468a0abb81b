package io.pactum.tx;

import static io.pactum.testing.ScriptedResource.Call.END;
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

/** A branch that cannot be ended cannot be prepared: nothing is prepared and every branch is rolled back. */
class EndFailureTest {
    private final Scenario s = new Scenario();
    private final ScriptedResource a = s.resource("A");
    private final ScriptedResource b = s.resource("B");

    @AfterEach
    void close() {
        s.close();
    }

    @ParameterizedTest(name = "error code {0}")
    @ValueSource(ints = {XAException.XAER_RMFAIL, XAException.XAER_RMERR, XAException.XA_RBROLLBACK,
            XAException.XAER_PROTO, 0})
    void endFailingBeforePrepareRollsBackEveryBranch(int code) throws Exception {
        b.fail(END, code);
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.enlistResource(a);
        tx.enlistResource(b);

        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class)
                .hasMessageContaining("failed to end").hasMessageContaining("resource B");
        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)",
                "A.end(1,TMSUCCESS)", "B.end(2,TMSUCCESS)",
                "A.rollback(1)", "B.rollback(2)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(a.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(b.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
        assertThat(s.log.pendingDecisions()).isEmpty();
    }

    @Test
    void runtimeExceptionAtEndOfTheOnlyBranchRollsItBack() throws Exception {
        a.throwOn(END, new IllegalStateException("connection closed"));
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.enlistResource(a);

        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class);
        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "A.end(1,TMSUCCESS)", "A.rollback(1)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
    }

    /** The application's rollback ends with TMFAIL; a failure there does not stop the rollback. */
    @Test
    void endFailingAtRollbackStillRollsBackEveryBranch() throws Exception {
        a.fail(END, XAException.XAER_RMFAIL);
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.enlistResource(a);
        tx.enlistResource(b);
        s.tm.rollback();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)",
                "A.end(1,TMFAIL)", "B.end(2,TMFAIL)",
                "A.rollback(1)", "B.rollback(2)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
    }
}
