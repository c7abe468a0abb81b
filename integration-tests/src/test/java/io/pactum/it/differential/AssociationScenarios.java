package io.pactum.it.differential;

import static io.pactum.it.differential.Steps.awaitTimeout;
import static io.pactum.it.differential.Steps.begin;
import static io.pactum.it.differential.Steps.commit;
import static io.pactum.it.differential.Steps.commitOnAnotherThread;
import static io.pactum.it.differential.Steps.commitTransactionOnAnotherThread;
import static io.pactum.it.differential.Steps.enlist;
import static io.pactum.it.differential.Steps.registerSynchronization;
import static io.pactum.it.differential.Steps.resume;
import static io.pactum.it.differential.Steps.rollback;
import static io.pactum.it.differential.Steps.rollbackTransactionOnAnotherThread;
import static io.pactum.it.differential.Steps.setRollbackOnly;
import static io.pactum.it.differential.Steps.setTransactionTimeout;
import static io.pactum.it.differential.Steps.status;
import static io.pactum.it.differential.Steps.suspend;

import java.util.List;

/** Which thread a transaction belongs to: suspend, resume, other threads, and timeouts. */
final class AssociationScenarios {
    private AssociationScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                Scenario.named("suspend with no transaction").steps(suspend(), status()),
                Scenario.named("suspend and resume call no XA method, then commit").resource("A")
                        .steps(begin(), enlist("A"), suspend(), status(), resume(), status(), commit()).sameXaCalls(),
                Scenario.named("suspend and resume with two resources, then commit").resource("A").resource("B")
                        .steps(begin(), enlist("A"), enlist("B"), suspend(), resume(), commit()),
                Scenario.named("resume while another transaction is associated").resource("A")
                        .steps(begin(), enlist("A"), suspend(), begin(), resume(), rollback()),
                Scenario.named("commit on another thread after suspend").resource("A").resource("B")
                        .steps(begin(), enlist("A"), enlist("B"), suspend(), commitOnAnotherThread(), status()),
                Scenario.named("Transaction.commit on another thread while this one is associated").resource("A")
                        .steps(begin(), enlist("A"), registerSynchronization("S1"), commitTransactionOnAnotherThread(),
                                status()),
                Scenario.named("timeout, then commit").resource("A").resource("B")
                        .steps(setTransactionTimeout(1), begin(), enlist("A"), enlist("B"), registerSynchronization("S1"),
                                awaitTimeout(), status(), commit(), status()),
                Scenario.named("timeout, then rollback is quiet").resource("A")
                        .steps(setTransactionTimeout(1), begin(), enlist("A"), awaitTimeout(), rollback()).sameXaCalls(),
                // Pactum bugs (reported): a transaction rolled back behind its owner's back.
                Scenario.named("timeout, then setRollbackOnly is quiet").resource("A")
                        .steps(setTransactionTimeout(1), begin(), enlist("A"), awaitTimeout(), setRollbackOnly(), rollback()),
                Scenario.named("rolled back by another thread, then the owner rolls back").resource("A")
                        .steps(begin(), enlist("A"), rollbackTransactionOnAnotherThread(), rollback()),
                Scenario.named("rolled back by another thread, then the owner commits").resource("A")
                        .steps(begin(), enlist("A"), registerSynchronization("S1"), rollbackTransactionOnAnotherThread(),
                                status(), commit(), status()));
    }
}
