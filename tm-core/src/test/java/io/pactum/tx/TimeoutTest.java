package io.pactum.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.testing.Await;
import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.ScriptedResource.Outcome;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A transaction that outlives its timeout is rolled back by the reaper, while its owner may
 * still be working; the owner hears of it at commit. A commit that is already under way when
 * the deadline passes checks it itself, and never writes a decision after it.
 */
class TimeoutTest {
    private final Scenario s = new Scenario(b -> b.reaperInterval(Duration.ofMillis(50)));
    private final ScriptedResource a = s.resource("A");
    private final ScriptedResource b = s.resource("B");

    @AfterEach
    void close() {
        s.close();
    }

    private PactumTransaction beginWithOneSecond() throws Exception {
        s.tm.setTransactionTimeout(1);
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.enlistResource(a);
        tx.enlistResource(b);
        return tx;
    }

    private void awaitReaper(PactumTransaction tx) {
        Await.until("the reaper rolls back " + tx,
                () -> tx.getStatus() == Status.STATUS_ROLLEDBACK && s.tm.inFlightCount() == 0);
    }

    @Test
    void reaperEndsWithFailureAndRollsBackEveryBranch() throws Exception {
        PactumTransaction tx = beginWithOneSecond();
        awaitReaper(tx);

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)",
                "A.end(1,TMFAIL)", "B.end(2,TMFAIL)",
                "A.rollback(1)", "B.rollback(2)");
        assertThat(tx.isTimedOut()).isTrue();
        assertThat(a.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(b.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        // The owner's thread keeps the transaction until it commits or rolls back.
        assertThat(s.tm.getTransaction()).isSameAs(tx);
        assertThat(s.tm.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(s.log.pendingDecisions()).isEmpty();
    }

    @Test
    void ownersCommitAfterTheReaperThrowsRollbackExceptionSayingItTimedOut() throws Exception {
        PactumTransaction tx = beginWithOneSecond();
        awaitReaper(tx);
        s.trace.clear();

        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class)
                .hasMessageContaining("timed out after 1 s");
        assertThat(s.trace.events()).isEmpty();
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
        assertThat(s.log.pendingDecisions()).isEmpty();
    }

    @Test
    void ownersRollbackAfterTheReaperIsQuiet() throws Exception {
        PactumTransaction tx = beginWithOneSecond();
        awaitReaper(tx);
        s.trace.clear();

        s.tm.rollback();

        assertThat(s.trace.events()).isEmpty();
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
    }

    /**
     * Interceptors mark the transaction rollback-only when the method they wrap throws, and that
     * method often throws because the transaction timed out. The thread is still associated with
     * the transaction, and its only outcome is already rollback: JTA lists no reason to refuse.
     */
    @Test
    void setRollbackOnlyAfterTheReaperIsQuiet() throws Exception {
        PactumTransaction tx = beginWithOneSecond();
        awaitReaper(tx);

        s.tm.setRollbackOnly();
        s.tm.userTransaction().setRollbackOnly();
        s.tm.synchronizationRegistry().setRollbackOnly();

        assertThat(s.tm.synchronizationRegistry().getRollbackOnly()).isTrue();
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        s.tm.rollback();
        assertThat(s.tm.getTransaction()).isNull();
    }

    /**
     * The owner had suspended its transaction (say, around a REQUIRES_NEW call) when the reaper
     * rolled it back. Resuming it must work, so that the owner's commit can say it timed out.
     */
    @Test
    void suspendedTransactionRolledBackByTheReaperCanBeResumedAndReportsTheTimeout() throws Exception {
        PactumTransaction tx = beginWithOneSecond();
        PactumTransaction suspended = s.tm.suspend();
        awaitReaper(tx);

        s.tm.resume(suspended);
        assertThat(s.tm.getTransaction()).isSameAs(tx);
        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class)
                .hasMessageContaining("timed out after 1 s");
        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)",
                "A.end(1,TMFAIL)", "B.end(2,TMFAIL)",
                "A.rollback(1)", "B.rollback(2)");
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
    }

    /**
     * MySQL's XA END waits while the application still runs a statement on the connection. Such
     * a rollback must not hold up the reaper: a transaction that expires later is rolled back
     * while the first one's end is still waiting.
     */
    @Test
    void aRollbackThatWaitsDelaysNoOtherTimeout() throws Exception {
        CountDownLatch statementDone = new CountDownLatch(1);
        ScriptedResource busy = s.resource("BUSY").onEnd(() -> {
            try {
                statementDone.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        s.tm.setTransactionTimeout(1);
        s.tm.begin();
        PactumTransaction first = s.tm.getTransaction();
        first.enlistResource(busy);
        s.tm.suspend();
        s.tm.setTransactionTimeout(2);
        s.tm.begin();
        PactumTransaction second = s.tm.getTransaction();
        second.enlistResource(a);
        s.tm.suspend();
        try {
            Await.until("the reaper rolls back " + second, () -> second.getStatus() == Status.STATUS_ROLLEDBACK);
            assertThat(first.isTimedOut()).isTrue();
            assertThat(first.getStatus()).isEqualTo(Status.STATUS_ROLLING_BACK);
            assertThat(busy.outcome()).isEqualTo(Outcome.ACTIVE);
        } finally {
            statementDone.countDown();
        }
        Await.until("the reaper rolls back " + first, () -> first.getStatus() == Status.STATUS_ROLLEDBACK);
        assertThat(busy.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(a.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(s.tm.inFlightCount()).isZero();
    }

    @Test
    void enlistingAfterTheReaperThrowsRollbackException() throws Exception {
        PactumTransaction tx = beginWithOneSecond();
        awaitReaper(tx);

        assertThatThrownBy(() -> tx.enlistResource(s.resource("C"))).isInstanceOf(RollbackException.class)
                .hasMessageContaining("timed out");
        assertThat(s.trace.only("C.")).isEmpty();
        s.tm.rollback();
    }

    @Test
    void transactionTimeoutIsPassedToEveryNewBranch() throws Exception {
        s.tm.setTransactionTimeout(7);
        s.tm.begin();
        s.tm.getTransaction().enlistResource(a);
        s.tm.getTransaction().enlistResource(b);

        assertThat(a.timeoutSeconds()).isEqualTo(7);
        assertThat(b.timeoutSeconds()).isEqualTo(7);
        assertThat(s.tm.getTransaction().timeoutSeconds()).isEqualTo(7);
        s.tm.rollback();
    }

    @Test
    void timeoutZeroMeansTheDefault() throws Exception {
        s.tm.setTransactionTimeout(7);
        s.tm.setTransactionTimeout(0);
        s.tm.begin();
        s.tm.getTransaction().enlistResource(a);

        assertThat(a.timeoutSeconds()).isEqualTo(60); // the builder's default
        s.tm.rollback();
    }

    /** Recovery may already be presuming abort for a branch past its deadline: no decision now. */
    @Test
    void deadlinePassingDuringPrepareRollsBackWithoutADecision() throws Exception {
        PactumTransaction tx = beginWithOneSecond();
        b.onPrepare(() -> Await.until("the deadline passes", () -> tx.isPastDeadline(System.nanoTime())));

        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class)
                .hasMessageContaining("timed out after 1 s");
        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)",
                "A.end(1,TMSUCCESS)", "B.end(2,TMSUCCESS)",
                "A.prepare(1)", "B.prepare(2)",
                "A.rollback(1)", "B.rollback(2)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(tx.isTimedOut()).isTrue();
        assertThat(a.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(b.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
        assertThat(s.log.pendingDecisions()).isEmpty();
    }

    /** The reaper leaves a transaction alone once its commit began; commit checks the deadline itself. */
    @Test
    void deadlinePassingDuringBeforeCompletionRollsBackAtCommit() throws Exception {
        PactumTransaction tx = beginWithOneSecond();
        tx.registerSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                Await.until("the deadline passes", () -> tx.isPastDeadline(System.nanoTime()));
            }

            @Override
            public void afterCompletion(int status) {
            }
        });

        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class)
                .hasMessageContaining("timed out after 1 s");
        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)",
                "A.end(1,TMFAIL)", "B.end(2,TMFAIL)",
                "A.rollback(1)", "B.rollback(2)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
        assertThat(s.log.pendingDecisions()).isEmpty();
    }
}
