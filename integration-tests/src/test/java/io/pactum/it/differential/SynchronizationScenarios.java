package io.pactum.it.differential;

import static io.pactum.it.differential.Steps.begin;
import static io.pactum.it.differential.Steps.commit;
import static io.pactum.it.differential.Steps.enlist;
import static io.pactum.it.differential.Steps.registerFailingSynchronization;
import static io.pactum.it.differential.Steps.registerInterposedSynchronization;
import static io.pactum.it.differential.Steps.registerSynchronization;
import static io.pactum.it.differential.Steps.registerVetoingSynchronization;
import static io.pactum.it.differential.Steps.rollback;
import static io.pactum.it.differential.Steps.setRollbackOnly;

import java.util.List;

/** Synchronizations: which callbacks run, in which order, and what a failing one does. */
final class SynchronizationScenarios {
    private SynchronizationScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                Scenario.named("commit with no resource, one synchronization")
                        .steps(begin(), registerSynchronization("S1"), commit()),
                Scenario.named("regular and interposed synchronizations: callback order on commit").resource("A")
                        .steps(begin(), enlist("A"), registerSynchronization("S1"), registerInterposedSynchronization("I1"),
                                registerSynchronization("S2"), registerInterposedSynchronization("I2"), commit()),
                Scenario.named("a synchronization throws in beforeCompletion").resource("A").resource("B")
                        .steps(begin(), enlist("A"), enlist("B"), registerSynchronization("S1"),
                                registerFailingSynchronization("S2"), registerSynchronization("S3"), commit()),
                Scenario.named("a synchronization marks rollback-only in beforeCompletion").resource("A")
                        .steps(begin(), enlist("A"), registerVetoingSynchronization("S1"), registerSynchronization("S2"),
                                commit()).sameXaCalls(),
                Scenario.named("no beforeCompletion on a rollback-only commit").resource("A")
                        .steps(begin(), enlist("A"), registerSynchronization("S1"), setRollbackOnly(), commit()),
                Scenario.named("no beforeCompletion on rollback").resource("A")
                        .steps(begin(), enlist("A"), registerSynchronization("S1"), registerFailingSynchronization("S2"),
                                rollback()),
                Scenario.named("interposed synchronization on a rollback-only transaction")
                        .steps(begin(), setRollbackOnly(), registerInterposedSynchronization("I1"), rollback()));
    }
}
