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
 * Prepare fails with an error rather than a vote: the failing branch's state is unknown, so it
 * is rolled back along with every other branch.
 */
class PrepareErrorTest {
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

    private void assertEveryBranchRolledBack(PactumTransaction tx) throws Exception {
        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class)
                .hasMessageContaining("did not prepare").hasMessageContaining("resource B");
        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)", "C.start(3,TMNOFLAGS)",
                "A.end(1,TMSUCCESS)", "B.end(2,TMSUCCESS)", "C.end(3,TMSUCCESS)",
                "A.prepare(1)", "B.prepare(2)",
                "A.rollback(1)", "B.rollback(2)", "C.rollback(3)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(a.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(b.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(c.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
        assertThat(s.log.pendingDecisions()).isEmpty();
        assertThat(s.log.heuristics()).isEmpty();
    }

    /** Error code 0 is what MariaDB reports for errors it does not map: taken as XAER_RMFAIL. */
    @ParameterizedTest(name = "error code {0}")
    @ValueSource(ints = {XAException.XAER_RMFAIL, XAException.XAER_RMERR, XAException.XAER_PROTO,
            XAException.XAER_INVAL, 0})
    void errorAtPrepareRollsBackEveryBranchIncludingTheFailingOne(int code) throws Exception {
        b.fail(PREPARE, code);
        assertEveryBranchRolledBack(begin());
    }

    @Test
    void runtimeExceptionAtPrepareRollsBackEveryBranchIncludingTheFailingOne() throws Exception {
        b.throwOn(PREPARE, new IllegalStateException("driver bug"));
        assertEveryBranchRolledBack(begin());
    }

    /** The resource manager no longer knows the branch: there is nothing left to roll back there. */
    @Test
    void unknownBranchAtPrepareIsNotRolledBackAgain() throws Exception {
        b.fail(PREPARE, XAException.XAER_NOTA);
        PactumTransaction tx = begin();

        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class);
        assertThat(s.trace.only("B.")).containsExactly("B.start(2,TMNOFLAGS)", "B.end(2,TMSUCCESS)", "B.prepare(2)");
        assertThat(s.trace.events()).containsSubsequence("A.rollback(1)", "C.rollback(3)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(s.tm.inFlightCount()).isZero();
    }
}
