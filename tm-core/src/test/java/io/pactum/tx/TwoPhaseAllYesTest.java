package io.pactum.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.ScriptedResource.Outcome;
import jakarta.transaction.Status;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TwoPhaseAllYesTest {
    private final Scenario s = new Scenario();

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void endsPreparesLogsCommitsAndForgets() throws Exception {
        ScriptedResource a = s.resource("A");
        ScriptedResource b = s.resource("B");
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.enlistResource(a);
        tx.enlistResource(b);
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)",
                "A.end(1,TMSUCCESS)", "B.end(2,TMSUCCESS)",
                "A.prepare(1)", "B.prepare(2)",
                "log.decision(A:1,B:2)",
                "A.commit(1,2pc)", "B.commit(2,2pc)",
                "log.done");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(a.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(b.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
        assertThat(s.log.pendingDecisions()).isEmpty();
    }

    @Test
    void threeResourcesAreAllPreparedBeforeAnyCommits() throws Exception {
        ScriptedResource a = s.resource("A");
        ScriptedResource b = s.resource("B");
        ScriptedResource c = s.resource("C");
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.enlistResource(a);
        tx.enlistResource(b);
        tx.enlistResource(c);
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)", "C.start(3,TMNOFLAGS)",
                "A.end(1,TMSUCCESS)", "B.end(2,TMSUCCESS)", "C.end(3,TMSUCCESS)",
                "A.prepare(1)", "B.prepare(2)", "C.prepare(3)",
                "log.decision(A:1,B:2,C:3)",
                "A.commit(1,2pc)", "B.commit(2,2pc)", "C.commit(3,2pc)",
                "log.done");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(List.of(a.outcome(), b.outcome(), c.outcome())).containsOnly(Outcome.COMMITTED);
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
        assertThat(s.log.pendingDecisions()).isEmpty();
        assertThat(s.log.heuristics()).isEmpty();
    }

    @Test
    void emptyTransactionCommitsWithoutAnyCall() throws Exception {
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        s.tm.commit();

        assertThat(s.trace.events()).isEmpty();
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
        assertThat(s.log.pendingDecisions()).isEmpty();
    }

    @Test
    void emptyTransactionRollsBackWithoutAnyCall() throws Exception {
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        s.tm.rollback();

        assertThat(s.trace.events()).isEmpty();
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
    }
}
