package io.pactum.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.ScriptedResource.Outcome;
import jakarta.transaction.Synchronization;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Work joins a transaction until its completion starts (beforeCompletion still counts); from
 * then on enlisting, registering and delisting are illegal states.
 */
class CompletionStartedTest {
    private final Scenario s = new Scenario();
    private final ScriptedResource a = s.resource("A");
    private final ScriptedResource b = s.resource("B");

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

    private PactumTransaction committed() throws Exception {
        PactumTransaction tx = begin();
        s.tm.commit();
        return tx;
    }

    @Test
    void enlistingFromAfterCompletionThrowsIllegalState() throws Exception {
        PactumTransaction tx = begin();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        tx.registerSynchronization(Syncs.afterCompletion(status -> thrown.set(catchThrowable(
                () -> tx.enlistResource(b)))));
        s.tm.commit();
        assertThat(thrown.get()).isInstanceOf(IllegalStateException.class);
        assertThat(s.trace.only("B.")).isEmpty();
    }

    @Test
    void registeringFromAfterCompletionThrowsIllegalState() throws Exception {
        PactumTransaction tx = begin();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        tx.registerSynchronization(Syncs.afterCompletion(status -> thrown.set(catchThrowable(
                () -> tx.registerSynchronization(Syncs.afterCompletion(x -> { }))))));
        s.tm.commit();
        assertThat(thrown.get()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void registeringAnInterposedSynchronizationFromAfterCompletionThrowsIllegalState() throws Exception {
        PactumTransaction tx = begin();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        tx.registerSynchronization(Syncs.afterCompletion(status -> thrown.set(catchThrowable(
                () -> s.tm.synchronizationRegistry().registerInterposedSynchronization(
                        Syncs.afterCompletion(x -> { }))))));
        s.tm.commit();
        assertThat(thrown.get()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void enlistingInACommittedTransactionThrowsIllegalState() throws Exception {
        PactumTransaction tx = committed();
        assertThatThrownBy(() -> tx.enlistResource(b)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("committed");
        assertThat(s.trace.only("B.")).isEmpty();
    }

    @Test
    void registeringWithACommittedTransactionThrowsIllegalState() throws Exception {
        PactumTransaction tx = committed();
        Synchronization sync = Syncs.afterCompletion(x -> { });
        assertThatThrownBy(() -> tx.registerSynchronization(sync)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void enlistingInARolledBackTransactionThrowsIllegalState() throws Exception {
        PactumTransaction tx = begin();
        s.tm.rollback();
        assertThatThrownBy(() -> tx.enlistResource(b)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rolled back");
    }

    @Test
    void delistingFromACommittedTransactionThrowsIllegalState() throws Exception {
        PactumTransaction tx = committed();
        assertThatThrownBy(() -> tx.delistResource(a, XAResource.TMSUCCESS))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void markingACommittedTransactionRollbackOnlyThrowsIllegalState() throws Exception {
        PactumTransaction tx = committed();
        assertThatThrownBy(tx::setRollbackOnly).isInstanceOf(IllegalStateException.class);
    }

    /** A JPA flush in beforeCompletion may open a connection to a second database. */
    @Test
    void enlistingFromBeforeCompletionJoinsTheCommit() throws Exception {
        PactumTransaction tx = begin();
        tx.registerSynchronization(Syncs.beforeCompletion(() -> {
            try {
                tx.enlistResource(b);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }));
        s.tm.commit();
        assertThat(a.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(b.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(s.trace.events()).contains("log.decision(A:1,B:2)");
    }

    @Test
    void registeringFromBeforeCompletionIsAllowed() throws Exception {
        PactumTransaction tx = begin();
        List<String> events = new ArrayList<>();
        tx.registerSynchronization(Syncs.beforeCompletion(() -> {
            try {
                tx.registerSynchronization(Syncs.recording("late", events));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }));
        s.tm.commit();
        assertThat(events).containsExactly("late.before", "late.after(committed)");
    }
}
