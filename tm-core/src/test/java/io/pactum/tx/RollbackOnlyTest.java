package io.pactum.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.ScriptedResource.Call;
import io.pactum.testing.ScriptedResource.Outcome;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A transaction marked rollback-only never commits; commit says why, with the cause that marked it. */
class RollbackOnlyTest {
    private final Scenario s = new Scenario();
    private final ScriptedResource a = s.resource("A");

    @AfterEach
    void close() {
        s.close();
    }

    private PactumTransaction begin() throws Exception {
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.enlistResource(a);
        return tx;
    }

    @Test
    void setRollbackOnlyMakesCommitRollBackAndThrowRollbackException() throws Exception {
        PactumTransaction tx = begin();
        s.tm.setRollbackOnly();
        assertThat(s.tm.getStatus()).isEqualTo(Status.STATUS_MARKED_ROLLBACK);

        RollbackException e = catchThrowableOfType(RollbackException.class, s.tm::commit);

        assertThat(e).hasMessageContaining("marked rollback-only");
        assertThat(e.getCause()).hasMessageContaining("setRollbackOnly()");
        assertThat(s.trace.events()).containsExactly("A.start(1,TMNOFLAGS)", "A.end(1,TMFAIL)", "A.rollback(1)");
        assertThat(a.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
    }

    /**
     * A beforeCompletion may hand work to another thread and wait for it (a parallel flush, a
     * call to a service); that thread may mark the transaction rollback-only or look up one of
     * its resources. Neither waits for beforeCompletion to end, and the mark wins.
     */
    @Test
    void anotherThreadCanMarkRollbackOnlyWhileBeforeCompletionWaitsForIt() throws Exception {
        PactumTransaction tx = begin();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            tx.registerSynchronization(Syncs.beforeCompletion(() -> {
                try {
                    other.submit(() -> {
                        s.tm.synchronizationRegistry();
                        tx.getResource("key");
                        tx.setRollbackOnly();
                    }).get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the other thread did not finish", e);
                }
            }));

            RollbackException e = catchThrowableOfType(RollbackException.class, s.tm::commit);

            assertThat(e).hasMessageContaining("marked rollback-only");
            assertThat(e.getCause()).hasMessageContaining("setRollbackOnly()");
            assertThat(a.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void theCauseOfAFailedBeforeCompletionIsThatFailure() throws Exception {
        PactumTransaction tx = begin();
        IllegalStateException flushFailed = new IllegalStateException("flush failed");
        tx.registerSynchronization(Syncs.beforeCompletion(() -> {
            throw flushFailed;
        }));

        RollbackException e = catchThrowableOfType(RollbackException.class, s.tm::commit);

        assertThat(e.getCause()).isSameAs(flushFailed);
        assertThat(a.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    }

    @Test
    void theCauseOfSetRollbackOnlyInBeforeCompletionIsThatCall() throws Exception {
        PactumTransaction tx = begin();
        tx.registerSynchronization(Syncs.beforeCompletion(s.tm::setRollbackOnly));

        RollbackException e = catchThrowableOfType(RollbackException.class, s.tm::commit);

        assertThat(e.getCause()).hasMessageContaining("setRollbackOnly()");
        assertThat(a.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    }

    @Test
    void theCauseOfAFailedEndIsTheResourcesError() throws Exception {
        a.fail(Call.END, XAException.XA_RBDEADLOCK);
        PactumTransaction tx = begin();
        assertThat(tx.delistResource(a, XAResource.TMSUCCESS)).isFalse();
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_MARKED_ROLLBACK);

        RollbackException e = catchThrowableOfType(RollbackException.class, s.tm::commit);

        assertThat(e.getCause()).isInstanceOfSatisfying(XAException.class,
                x -> assertThat(x.errorCode).isEqualTo(XAException.XA_RBDEADLOCK));
    }

    @Test
    void theCauseOfADelistWithFailNamesTheResource() throws Exception {
        PactumTransaction tx = begin();
        tx.delistResource(a, XAResource.TMFAIL);

        RollbackException e = catchThrowableOfType(RollbackException.class, s.tm::commit);

        assertThat(e.getCause()).hasMessageContaining("resource A").hasMessageContaining("TMFAIL");
    }

    @Test
    void theFirstMarkIsTheCause() throws Exception {
        PactumTransaction tx = begin();
        tx.setRollbackOnly();
        tx.delistResource(a, XAResource.TMFAIL);

        RollbackException e = catchThrowableOfType(RollbackException.class, s.tm::commit);

        assertThat(e.getCause()).hasMessageContaining("setRollbackOnly()");
    }

    @Test
    void enlistingInARollbackOnlyTransactionThrowsRollbackException() throws Exception {
        PactumTransaction tx = begin();
        tx.setRollbackOnly();
        ScriptedResource b = s.resource("B");
        assertThatThrownBy(() -> tx.enlistResource(b)).isInstanceOf(RollbackException.class)
                .hasMessageContaining("rollback-only");
        assertThat(s.trace.only("B.")).isEmpty();
    }

    @Test
    void registeringASynchronizationInARollbackOnlyTransactionThrowsRollbackException() throws Exception {
        PactumTransaction tx = begin();
        tx.setRollbackOnly();
        List<String> events = new ArrayList<>();
        assertThatThrownBy(() -> tx.registerSynchronization(Syncs.recording("S", events)))
                .isInstanceOf(RollbackException.class);
        s.tm.rollback();
        assertThat(events).isEmpty();
    }

    /** beforeCompletion prepares work for a commit that is not going to happen: skip it. */
    @Test
    void aRollbackOnlyCommitRunsOnlyAfterCompletion() throws Exception {
        PactumTransaction tx = begin();
        List<String> events = new ArrayList<>();
        tx.registerSynchronization(Syncs.recording("S", events));
        tx.setRollbackOnly();

        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class);

        assertThat(events).containsExactly("S.after(rolled back)");
    }

    @Test
    void rollbackOfARollbackOnlyTransactionIsQuiet() throws Exception {
        PactumTransaction tx = begin();
        tx.setRollbackOnly();
        s.tm.rollback();
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(a.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    }
}
