package io.pactum.it.differential;

import static io.pactum.it.differential.Steps.begin;
import static io.pactum.it.differential.Steps.commit;
import static io.pactum.it.differential.Steps.commitTransaction;
import static io.pactum.it.differential.Steps.delist;
import static io.pactum.it.differential.Steps.enlist;
import static io.pactum.it.differential.Steps.registerSynchronization;
import static io.pactum.it.differential.Steps.rollback;
import static io.pactum.it.differential.Steps.rollbackTransaction;
import static io.pactum.it.differential.Steps.setRollbackOnly;
import static io.pactum.it.differential.Steps.setRollbackOnlyOnTransaction;
import static io.pactum.it.differential.Steps.setTransactionTimeout;
import static io.pactum.it.differential.Steps.status;
import static javax.transaction.xa.XAResource.TMSUCCESS;
import static javax.transaction.xa.XAResource.TMSUSPEND;

import java.util.List;

/** Enlistment and delistment, and calls made when there is no transaction or it is over. */
final class MisuseScenarios {
    private MisuseScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                Scenario.named("delist TMSUCCESS, then commit").resource("A").resource("B")
                        .steps(begin(), enlist("A"), enlist("B"), delist("A", TMSUCCESS), commit()),
                Scenario.named("delist TMSUCCESS, enlist again, then commit").resource("A").resource("B")
                        .steps(begin(), enlist("A"), enlist("B"), delist("A", TMSUCCESS), enlist("A"), commit()),
                Scenario.named("delist TMSUSPEND, enlist again (resume), then commit").resource("A").resource("B")
                        .steps(begin(), enlist("A"), enlist("B"), delist("A", TMSUSPEND), enlist("A"), commit()),
                Scenario.named("delist TMSUSPEND, then commit without resuming").resource("A").resource("B")
                        .steps(begin(), enlist("A"), enlist("B"), delist("A", TMSUSPEND), commit()),
                Scenario.named("delist a resource that was never enlisted").resource("A").resource("B")
                        .steps(begin(), enlist("A"), delist("B", TMSUCCESS), commit()),
                Scenario.named("enlist the same resource twice").resource("A")
                        .steps(begin(), enlist("A"), enlist("A"), commit()).sameXaCalls(),
                Scenario.named("isSameRM true: the second resource joins the first's branch")
                        .resource("A").resource("B").sameRm("A", "B")
                        .steps(begin(), enlist("A"), enlist("B"), commit()).sameXaCalls(),
                Scenario.named("nested begin").steps(begin(), begin(), rollback()),
                Scenario.named("begin with the default timeout (0)").steps(setTransactionTimeout(0), begin(), status(), commit()),
                Scenario.named("commit with no transaction").steps(commit()),
                Scenario.named("rollback with no transaction").steps(rollback()),
                Scenario.named("setRollbackOnly with no transaction").steps(setRollbackOnly()),
                Scenario.named("commit the committed transaction again").resource("A")
                        .steps(begin(), enlist("A"), commit(), commitTransaction()),
                Scenario.named("roll back the committed transaction").resource("A")
                        .steps(begin(), enlist("A"), commit(), rollbackTransaction()),
                Scenario.named("roll back the rolled-back transaction again").resource("A")
                        .steps(begin(), enlist("A"), rollback(), rollbackTransaction()),
                Scenario.named("setRollbackOnly on the committed transaction").resource("A")
                        .steps(begin(), enlist("A"), commit(), setRollbackOnlyOnTransaction()),
                Scenario.named("enlist in the committed transaction").resource("A").resource("B")
                        .steps(begin(), enlist("A"), commit(), enlist("B")),
                Scenario.named("register a synchronization with the committed transaction").resource("A")
                        .steps(begin(), enlist("A"), commit(), registerSynchronization("S1")));
    }
}
