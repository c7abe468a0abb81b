package io.pactum.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.ScriptedResource.Outcome;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code suspend()} only detaches the thread: no {@code end(TMSUSPEND)}, which PostgreSQL does
 * not support. Suspending one resource's work is the application's {@code delistResource}.
 */
class SuspendResumeTest {
    private final Scenario s = new Scenario();
    private final ScriptedResource a = s.resource("A");
    private final ScriptedResource b = s.resource("B");

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void suspendAndResumeMoveTheThreadWithoutXaCalls() throws Exception {
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.enlistResource(a);

        PactumTransaction suspended = s.tm.suspend();
        assertThat(suspended).isSameAs(tx);
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.getStatus()).isEqualTo(Status.STATUS_NO_TRANSACTION);
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ACTIVE);
        assertThat(s.trace.events()).containsExactly("A.start(1,TMNOFLAGS)");

        s.tm.resume(suspended);
        assertThat(s.tm.getTransaction()).isSameAs(tx);
        assertThat(s.trace.events()).containsExactly("A.start(1,TMNOFLAGS)");

        s.tm.commit();
        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "A.end(1,TMSUCCESS)", "A.commit(1,1pc)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
    }

    @Test
    void anotherThreadResumesAndCommits() throws Exception {
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.enlistResource(a);
        tx.enlistResource(b);
        PactumTransaction suspended = s.tm.suspend();

        CompletableFuture.runAsync(() -> {
            try {
                s.tm.resume(suspended);
                s.tm.commit();
                assertThat(s.tm.getTransaction()).isNull();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get(10, TimeUnit.SECONDS);

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
    void resumingOnAThreadThatHasATransactionIsRefused() throws Exception {
        s.tm.begin();
        PactumTransaction first = s.tm.suspend();
        s.tm.begin();

        assertThatThrownBy(() -> s.tm.resume(first)).isInstanceOf(IllegalStateException.class);
        s.tm.rollback();
        s.tm.resume(first);
        s.tm.rollback();
        assertThat(s.tm.inFlightCount()).isZero();
    }

    @Test
    void delistWithSuspendThenEnlistResumesTheBranch() throws Exception {
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.enlistResource(a);
        assertThat(tx.delistResource(a, XAResource.TMSUSPEND)).isTrue();
        tx.enlistResource(a);
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "A.end(1,TMSUSPEND)", "A.start(1,TMRESUME)",
                "A.end(1,TMSUCCESS)", "A.commit(1,1pc)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(a.outcomes()).hasSize(1);
        assertThat(s.tm.inFlightCount()).isZero();
    }

    @Test
    void delistWithSuccessThenEnlistJoinsTheBranch() throws Exception {
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.enlistResource(a);
        assertThat(tx.delistResource(a, XAResource.TMSUCCESS)).isTrue();
        tx.enlistResource(a);
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "A.end(1,TMSUCCESS)", "A.start(1,TMJOIN)",
                "A.end(1,TMSUCCESS)", "A.commit(1,1pc)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(s.tm.inFlightCount()).isZero();
    }

    /** A suspended association is still ended before prepare, with TMSUCCESS. */
    @Test
    void branchLeftSuspendedIsEndedAtCommit() throws Exception {
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.enlistResource(a);
        tx.enlistResource(b);
        tx.delistResource(a, XAResource.TMSUSPEND);
        s.tm.commit();

        assertThat(s.trace.events()).startsWith(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)", "A.end(1,TMSUSPEND)",
                "A.end(1,TMSUCCESS)", "B.end(2,TMSUCCESS)", "A.prepare(1)", "B.prepare(2)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
    }

    @Test
    void delistWithFailureMarksRollbackOnly() throws Exception {
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.enlistResource(a);
        tx.enlistResource(b);
        tx.delistResource(a, XAResource.TMFAIL);
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_MARKED_ROLLBACK);

        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class)
                .hasMessageContaining("rollback-only");
        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)", "A.end(1,TMFAIL)",
                "B.end(2,TMFAIL)", "A.rollback(1)", "B.rollback(2)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
    }
}
