package io.pactum.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.log.BranchRecord;
import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.ScriptedResource.Outcome;
import jakarta.transaction.Status;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A read-only vote finishes its branch at prepare: it drops out of the decision and of phase 2. */
class ReadOnlyVoteTest {
    private final Scenario s = new Scenario();
    private final ScriptedResource a = s.resource("A");
    private final ScriptedResource b = s.resource("B");
    private final ScriptedResource c = s.resource("C");

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

    private void assertSettled() {
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
        assertThat(s.log.pendingDecisions()).isEmpty();
    }

    /** Presumed abort: with one branch left in phase 2 there is nothing to decide between. */
    @Test
    void oneReadOnlyOfTwoLeavesOneTwoPhaseCommitAndNoLog() throws Exception {
        b.readOnly();
        PactumTransaction tx = begin(a, b);
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)",
                "A.end(1,TMSUCCESS)", "B.end(2,TMSUCCESS)",
                "A.prepare(1)", "B.prepare(2)",
                "A.commit(1,2pc)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(a.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(b.outcome()).isEqualTo(Outcome.READ_ONLY);
        assertSettled();
    }

    /** Every branch before the last voted read-only: the last one is alone, so one phase will do. */
    @Test
    void readOnlyVotesBeforeTheLastBranchLetItCommitInOnePhase() throws Exception {
        a.readOnly();
        PactumTransaction tx = begin(a, b);
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)",
                "A.end(1,TMSUCCESS)", "B.end(2,TMSUCCESS)",
                "A.prepare(1)",
                "B.commit(2,1pc)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(a.outcome()).isEqualTo(Outcome.READ_ONLY);
        assertThat(b.outcome()).isEqualTo(Outcome.COMMITTED);
        assertSettled();
    }

    @Test
    void readOnlyVotesNeedNoPhaseTwoAndTheLastBranchIsNeverPrepared() throws Exception {
        a.readOnly();
        b.readOnly();
        c.readOnly();
        PactumTransaction tx = begin(b, a, c);
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly(
                "B.start(1,TMNOFLAGS)", "A.start(2,TMNOFLAGS)", "C.start(3,TMNOFLAGS)",
                "B.end(1,TMSUCCESS)", "A.end(2,TMSUCCESS)", "C.end(3,TMSUCCESS)",
                "B.prepare(1)", "A.prepare(2)", "C.commit(3,1pc)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(a.outcome()).isEqualTo(Outcome.READ_ONLY);
        assertThat(b.outcome()).isEqualTo(Outcome.READ_ONLY);
        assertThat(c.outcome()).isEqualTo(Outcome.COMMITTED);
        assertSettled();
    }


    @Test
    void oneReadOnlyOfThreeIsLeftOutOfTheDecision() throws Exception {
        b.readOnly();
        PactumTransaction tx = begin(a, b, c);
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)", "C.start(3,TMNOFLAGS)",
                "A.end(1,TMSUCCESS)", "B.end(2,TMSUCCESS)", "C.end(3,TMSUCCESS)",
                "A.prepare(1)", "B.prepare(2)", "C.prepare(3)",
                "log.decision(A:1,C:3)",
                "A.commit(1,2pc)", "C.commit(3,2pc)",
                "log.done");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(a.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(b.outcome()).isEqualTo(Outcome.READ_ONLY);
        assertThat(c.outcome()).isEqualTo(Outcome.COMMITTED);
        assertSettled();
    }

    /** What the decision holds is what recovery would commit: never the read-only branch. */
    @Test
    void decisionStillPendingListsOnlyThePreparedBranches() throws Exception {
        b.readOnly();
        c.fail(ScriptedResource.Call.COMMIT, XAException.XAER_RMFAIL,
                XAException.XAER_RMFAIL, XAException.XAER_RMFAIL,
                XAException.XAER_RMFAIL);
        PactumTransaction tx = begin(a, b, c);
        s.tm.commit();

        assertThat(s.log.pendingDecisions()).singleElement().satisfies(d -> {
            assertThat(d.globalId()).isEqualTo(tx.globalId());
            assertThat(d.branches()).extracting(BranchRecord::resourceName).containsExactly("A", "C");
        });
        assertThat(s.trace.only("B.")).containsExactly("B.start(2,TMNOFLAGS)", "B.end(2,TMSUCCESS)", "B.prepare(2)");
    }

    /** With one branch left after the read-only votes nothing is logged, so a failing log does not matter. */
    @Test
    void readOnlyVotesDoNotNeedAWorkingLog() throws Exception {
        a.readOnly();
        s.log.failDecisions(true);
        PactumTransaction tx = begin(a, b);
        s.tm.commit();

        assertThat(s.trace.only("log.")).isEmpty();
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(b.outcome()).isEqualTo(Outcome.COMMITTED);
        assertSettled();
    }
}
