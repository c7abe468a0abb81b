package io.pactum.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.testing.Scenario;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Interposed synchronizations (JPA, connectors) wrap the regular ones: their beforeCompletion runs
 * after the regular ones, their afterCompletion before.
 */
class SynchronizationOrderTest {
    private final Scenario s = new Scenario();
    private final TransactionSynchronizationRegistry tsr = s.tm.synchronizationRegistry();
    private final List<String> events = new ArrayList<>();

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void interposedSynchronizationsRunInsideTheRegularOnes() throws Exception {
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tsr.registerInterposedSynchronization(Syncs.recording("I1", events));
        tx.registerSynchronization(Syncs.recording("R1", events));
        tsr.registerInterposedSynchronization(Syncs.recording("I2", events));
        tx.registerSynchronization(Syncs.recording("R2", events));

        s.tm.commit();

        assertThat(events.subList(0, 4)).containsExactly("R1.before", "R2.before", "I1.before", "I2.before");
        assertThat(events.subList(4, 6)).containsExactlyInAnyOrder("I1.after(committed)", "I2.after(committed)");
        assertThat(events.subList(6, 8)).containsExactlyInAnyOrder("R1.after(committed)", "R2.after(committed)");
        assertThat(events).hasSize(8);
    }

    @Test
    void aSynchronizationMayRegisterAnother() throws Exception {
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.registerSynchronization(registering("R1", () -> tx.registerSynchronization(Syncs.recording("R2", events))));

        s.tm.commit();

        assertThat(events).containsExactlyInAnyOrder("R1.before", "R2.before", "R2.after(committed)",
                "R1.after(committed)");
        assertThat(events.subList(0, 2)).containsExactly("R1.before", "R2.before");
    }

    @Test
    void anInterposedSynchronizationMayRegisterAnother() throws Exception {
        s.tm.begin();
        tsr.registerInterposedSynchronization(registering("I1",
                () -> tsr.registerInterposedSynchronization(Syncs.recording("I2", events))));

        s.tm.commit();

        assertThat(events.subList(0, 2)).containsExactly("I1.before", "I2.before");
        assertThat(events).contains("I2.after(committed)", "I1.after(committed)").hasSize(4);
    }

    @Test
    void anInterposedSynchronizationRegisteredByARegularOneStillRunsAfterTheRegularOnes() throws Exception {
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.registerSynchronization(registering("R1",
                () -> tsr.registerInterposedSynchronization(Syncs.recording("I1", events))));
        tx.registerSynchronization(Syncs.recording("R2", events));

        s.tm.commit();

        assertThat(events.subList(0, 3)).containsExactly("R1.before", "R2.before", "I1.before");
        assertThat(events.get(3)).isEqualTo("I1.after(committed)");
    }

    @Test
    void rollbackRunsOnlyAfterCompletion() throws Exception {
        s.tm.begin();
        s.tm.getTransaction().registerSynchronization(Syncs.recording("R1", events));
        tsr.registerInterposedSynchronization(Syncs.recording("I1", events));

        s.tm.rollback();

        assertThat(events).containsExactly("I1.after(rolled back)", "R1.after(rolled back)");
    }

    @Test
    void aFailingAfterCompletionDoesNotStopTheOthers() throws Exception {
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.registerSynchronization(Syncs.recording("R1", events));
        tx.registerSynchronization(Syncs.afterCompletion(status -> {
            throw new IllegalStateException("cache eviction failed");
        }));
        tx.registerSynchronization(Syncs.recording("R2", events));

        s.tm.commit();

        assertThat(events).contains("R1.after(committed)", "R2.after(committed)");
    }

    interface Registration {
        void run() throws Exception;
    }

    /** A synchronization that records itself and registers more work in its beforeCompletion. */
    private Synchronization registering(String name, Registration registration) {
        Synchronization recording = Syncs.recording(name, events);
        return Syncs.of(() -> {
            recording.beforeCompletion();
            try {
                registration.run();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, recording::afterCompletion);
    }
}
