package io.pactum.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.log.LogException;
import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.ScriptedResource.Outcome;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Without a durable decision there is no commit: presumed abort rolls every prepared branch back. */
class DecisionLogFailureTest {
    private final Scenario s = new Scenario();
    private final ScriptedResource a = s.resource("A");
    private final ScriptedResource b = s.resource("B");

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void decisionThatCannotBeWrittenRollsBack() throws Exception {
        s.log.failDecisions(true);
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.enlistResource(a);
        tx.enlistResource(b);

        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class)
                .hasMessageContaining("decision could not be written")
                .cause().isInstanceOf(LogException.class).hasMessage("scripted failure");
        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)",
                "A.end(1,TMSUCCESS)", "B.end(2,TMSUCCESS)",
                "A.prepare(1)", "B.prepare(2)",
                "log.decision-failed",
                "A.rollback(1)", "B.rollback(2)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(a.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(b.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
        assertThat(s.log.pendingDecisions()).isEmpty();
    }

    /** One resource commits in one phase and never writes a decision. */
    @Test
    void oneResourceDoesNotNeedTheLog() throws Exception {
        s.log.failDecisions(true);
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.enlistResource(a);
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "A.end(1,TMSUCCESS)", "A.commit(1,1pc)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(s.tm.inFlightCount()).isZero();
    }

    @Test
    void logThatWorksAgainServesTheNextTransaction() throws Exception {
        s.log.failDecisions(true);
        s.tm.begin();
        s.tm.getTransaction().enlistResource(a);
        s.tm.getTransaction().enlistResource(b);
        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class);

        s.log.failDecisions(false);
        s.trace.clear();
        ScriptedResource c = s.resource("C");
        ScriptedResource d = s.resource("D");
        s.tm.begin();
        s.tm.getTransaction().enlistResource(c);
        s.tm.getTransaction().enlistResource(d);
        s.tm.commit();

        assertThat(s.trace.only("log.")).containsExactly("log.decision(C:1,D:2)", "log.done");
        assertThat(s.tm.inFlightCount()).isZero();
    }
}
