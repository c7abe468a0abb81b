package io.pactum.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.ScriptedResource.Outcome;
import jakarta.transaction.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A second connection to the same resource manager joins the first one's branch
 * ({@code TMJOIN}): one XID, ended by each connection, prepared and committed once. Resources
 * that cannot join across connections (MySQL, MariaDB) say so with {@code joinAllowed()}.
 */
class JoinTest {
    private final Scenario s = new Scenario();
    private final ScriptedResource a = s.resource("A");
    private final ScriptedResource a2 = s.resource("A2").sameRmAs(a);
    private final ScriptedResource b = s.resource("B");

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
    void sameResourceManagerJoinsTheFirstBranch() throws Exception {
        PactumTransaction tx = begin(a, a2, b);
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "A2.start(1,TMJOIN)", "B.start(2,TMNOFLAGS)",
                "A.end(1,TMSUCCESS)", "A2.end(1,TMSUCCESS)", "B.end(2,TMSUCCESS)",
                "A.prepare(1)", "B.prepare(2)",
                "log.decision(A:1,B:2)",
                "A.commit(1,2pc)", "B.commit(2,2pc)",
                "log.done");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(tx.branches()).hasSize(2);
        assertThat(a.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(a2.outcome()).isEqualTo(Outcome.IDLE); // its work is committed through A's branch
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
        assertThat(s.log.pendingDecisions()).isEmpty();
    }

    @Test
    void joinedBranchAloneCommitsInOnePhase() throws Exception {
        PactumTransaction tx = begin(a, a2);
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "A2.start(1,TMJOIN)",
                "A.end(1,TMSUCCESS)", "A2.end(1,TMSUCCESS)",
                "A.commit(1,1pc)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(s.tm.inFlightCount()).isZero();
    }

    @Test
    void joinedBranchIsEndedWithFailureAndRolledBackOnce() throws Exception {
        PactumTransaction tx = begin(a, a2);
        s.tm.rollback();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "A2.start(1,TMJOIN)",
                "A.end(1,TMFAIL)", "A2.end(1,TMFAIL)",
                "A.rollback(1)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(s.tm.inFlightCount()).isZero();
    }

    @Test
    void resourceThatMayNotJoinGetsItsOwnBranch() throws Exception {
        a2.joinAllowed(false);
        PactumTransaction tx = begin(a, a2);
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "A2.start(2,TMNOFLAGS)",
                "A.end(1,TMSUCCESS)", "A2.end(2,TMSUCCESS)",
                "A.prepare(1)", "A2.prepare(2)",
                "log.decision(A:1,A2:2)",
                "A.commit(1,2pc)", "A2.commit(2,2pc)",
                "log.done");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(a2.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(s.tm.inFlightCount()).isZero();
    }

    @Test
    void branchThatMayNotBeJoinedIsNotJoined() throws Exception {
        a.joinAllowed(false);
        begin(a, a2);
        s.tm.commit();

        assertThat(s.trace.events()).startsWith("A.start(1,TMNOFLAGS)", "A2.start(2,TMNOFLAGS)");
        assertThat(s.trace.only("log.")).containsExactly("log.decision(A:1,A2:2)", "log.done");
    }

    @Test
    void sameResourceObjectTwiceIsANoOp() throws Exception {
        PactumTransaction tx = begin(a);
        assertThat(tx.enlistResource(a)).isTrue();
        assertThat(s.trace.events()).containsExactly("A.start(1,TMNOFLAGS)");

        s.tm.commit();
        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "A.end(1,TMSUCCESS)", "A.commit(1,1pc)");
        assertThat(tx.branches()).hasSize(1);
        assertThat(s.tm.inFlightCount()).isZero();
    }
}
