package io.pactum.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.testing.Await;
import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.Trace;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Synchronizations around completion. {@code beforeCompletion} runs only for a transaction that
 * may still commit, regular ones before interposed ones; its failure rolls the transaction back.
 * {@code afterCompletion} always runs, interposed ones first, and its failures are ignored.
 */
class SynchronizationFailureTest {
    private final Scenario s = new Scenario();
    private final ScriptedResource a = s.resource("A");
    private final ScriptedResource b = s.resource("B");

    @AfterEach
    void close() {
        s.close();
    }

    /** Writes {@code NAME.before} and {@code NAME.after(STATUS)} into the trace, then does what it is told. */
    private static final class TracingSync implements Synchronization {
        private final String name;
        private final Trace trace;
        private Runnable before = () -> { };
        private Runnable after = () -> { };

        TracingSync(String name, Trace trace) {
            this.name = name;
            this.trace = trace;
        }

        TracingSync before(Runnable action) {
            this.before = action;
            return this;
        }

        TracingSync after(Runnable action) {
            this.after = action;
            return this;
        }

        @Override
        public void beforeCompletion() {
            trace.add(name + ".before");
            before.run();
        }

        @Override
        public void afterCompletion(int status) {
            trace.add(name + ".after(" + Statuses.name(status) + ")");
            after.run();
        }
    }

    private TracingSync sync(String name) {
        return new TracingSync(name, s.trace);
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

    @Test
    void beforeCompletionThatThrowsRollsBackAndStopsTheOthers() throws Exception {
        PactumTransaction tx = begin(a, b);
        IllegalStateException boom = new IllegalStateException("flush failed");
        tx.registerSynchronization(sync("S1").before(() -> {
            throw boom;
        }));
        tx.registerSynchronization(sync("S2"));

        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class)
                .hasMessageContaining("beforeCompletion").cause().isSameAs(boom);
        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "B.start(2,TMNOFLAGS)",
                "S1.before",
                "A.end(1,TMFAIL)", "B.end(2,TMFAIL)",
                "A.rollback(1)", "B.rollback(2)",
                "S2.after(rolled back)", "S1.after(rolled back)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertSettled();
    }

    @Test
    void afterCompletionThatThrowsIsIgnored() throws Exception {
        PactumTransaction tx = begin(a);
        tx.registerSynchronization(sync("S1"));
        tx.registerSynchronization(sync("S2").after(() -> {
            throw new IllegalStateException("cache eviction failed");
        }));
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)",
                "S1.before", "S2.before",
                "A.end(1,TMSUCCESS)", "A.commit(1,1pc)",
                "S2.after(committed)", "S1.after(committed)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertSettled();
    }

    /** Interposed ones (JPA, CDI) run inside the application's: last before, first after. */
    @Test
    void interposedSynchronizationsRunInsideRegularOnes() throws Exception {
        PactumTransaction tx = begin(a);
        s.tm.synchronizationRegistry().registerInterposedSynchronization(sync("I1"));
        tx.registerSynchronization(sync("R1"));
        s.tm.synchronizationRegistry().registerInterposedSynchronization(sync("I2"));
        tx.registerSynchronization(sync("R2"));
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)",
                "R1.before", "R2.before", "I1.before", "I2.before",
                "A.end(1,TMSUCCESS)", "A.commit(1,1pc)",
                "I2.after(committed)", "I1.after(committed)", "R2.after(committed)", "R1.after(committed)");
        assertSettled();
    }

    @Test
    void synchronizationRegisteredDuringBeforeCompletionRunsToo() throws Exception {
        PactumTransaction tx = begin(a);
        tx.registerSynchronization(sync("R1").before(() -> {
            try {
                tx.registerSynchronization(sync("R2"));
            } catch (RollbackException e) {
                throw new IllegalStateException(e);
            }
            s.tm.synchronizationRegistry().registerInterposedSynchronization(sync("I2"));
        }));
        s.tm.synchronizationRegistry().registerInterposedSynchronization(sync("I1"));
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)",
                "R1.before", "R2.before", "I1.before", "I2.before",
                "A.end(1,TMSUCCESS)", "A.commit(1,1pc)",
                "I2.after(committed)", "I1.after(committed)", "R2.after(committed)", "R1.after(committed)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertSettled();
    }

    /** A JPA flush in beforeCompletion may open a connection: its branch is part of the commit. */
    @Test
    void resourceEnlistedDuringBeforeCompletionIsCommittedToo() throws Exception {
        PactumTransaction tx = begin(a);
        tx.registerSynchronization(sync("S1").before(() -> {
            try {
                tx.enlistResource(b);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        s.tm.commit();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)",
                "S1.before", "B.start(2,TMNOFLAGS)",
                "A.end(1,TMSUCCESS)", "B.end(2,TMSUCCESS)",
                "A.prepare(1)", "B.prepare(2)",
                "log.decision(A:1,B:2)",
                "A.commit(1,2pc)", "B.commit(2,2pc)",
                "log.done",
                "S1.after(committed)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertSettled();
    }

    @Test
    void beforeCompletionMarkingRollbackOnlyRollsBack() throws Exception {
        PactumTransaction tx = begin(a);
        tx.registerSynchronization(sync("S1").before(() -> s.tm.setRollbackOnly()));

        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class)
                .hasMessageContaining("rollback-only");
        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)",
                "S1.before",
                "A.end(1,TMFAIL)", "A.rollback(1)",
                "S1.after(rolled back)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertSettled();
    }

    @Test
    void rollbackDoesNotCallBeforeCompletion() throws Exception {
        PactumTransaction tx = begin(a);
        tx.registerSynchronization(sync("S1"));
        s.tm.rollback();

        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "A.end(1,TMFAIL)", "A.rollback(1)", "S1.after(rolled back)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertSettled();
    }

    @Test
    void commitOfARollbackOnlyTransactionDoesNotCallBeforeCompletion() throws Exception {
        PactumTransaction tx = begin(a);
        tx.registerSynchronization(sync("S1"));
        s.tm.setRollbackOnly();

        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class)
                .hasMessageContaining("rollback-only")
                .cause().hasMessageContaining("setRollbackOnly()");
        assertThat(s.trace.events()).containsExactly(
                "A.start(1,TMNOFLAGS)", "A.end(1,TMFAIL)", "A.rollback(1)", "S1.after(rolled back)");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertSettled();
    }

    @Test
    void afterCompletionRunsWhenTheReaperRollsBack() throws Exception {
        try (Scenario timed = new Scenario(settings -> settings.reaperInterval(Duration.ofMillis(50)))) {
            timed.tm.setTransactionTimeout(1);
            timed.tm.begin();
            PactumTransaction tx = timed.tm.getTransaction();
            tx.enlistResource(timed.resource("A"));
            tx.registerSynchronization(new TracingSync("S1", timed.trace));
            Await.until("the reaper rolls back", () -> timed.trace.events().contains(
                    "S1.after(rolled back)"));

            assertThat(timed.trace.events()).containsExactly(
                    "A.start(1,TMNOFLAGS)", "A.end(1,TMFAIL)", "A.rollback(1)", "S1.after(rolled back)");
            timed.tm.rollback();
        }
    }
}
