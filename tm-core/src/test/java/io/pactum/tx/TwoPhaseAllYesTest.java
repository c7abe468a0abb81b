package io.pactum.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.ScriptedResource.Outcome;
import jakarta.transaction.Status;
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
}
