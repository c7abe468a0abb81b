package io.pactum.it.differential;

import static io.pactum.it.differential.Steps.begin;
import static io.pactum.it.differential.Steps.commit;
import static io.pactum.it.differential.Steps.enlist;
import static io.pactum.it.differential.Steps.registerSynchronization;
import static io.pactum.it.differential.Steps.rollback;
import static io.pactum.it.differential.Steps.setRollbackOnly;
import static io.pactum.it.differential.Steps.setRollbackOnlyOnTransaction;
import static io.pactum.it.differential.Steps.status;
import static javax.transaction.xa.XAException.XAER_NOTA;
import static javax.transaction.xa.XAException.XA_RBROLLBACK;

import io.pactum.testing.ScriptedResource.Call;
import java.util.List;

/** Rollback by the application, rollback-only marks, and rollback answers that need no heuristics. */
final class RollbackScenarios {
    private RollbackScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                Scenario.named("rollback of two resources").resource("A").resource("B")
                        .steps(begin(), enlist("A"), enlist("B"), rollback()),
                Scenario.named("rollback of one resource").resource("A")
                        .steps(begin(), enlist("A"), rollback()).sameXaCalls(),
                Scenario.named("rollback: XAER_NOTA from the second (already gone)")
                        .resource("A").resource("B", r -> r.fail(Call.ROLLBACK, XAER_NOTA))
                        .steps(begin(), enlist("A"), enlist("B"), rollback()),
                Scenario.named("rollback: XA_RBROLLBACK from the second (rolled back anyway)")
                        .resource("A").resource("B", r -> r.fail(Call.ROLLBACK, XA_RBROLLBACK))
                        .steps(begin(), enlist("A"), enlist("B"), rollback()),
                Scenario.named("setRollbackOnly, then commit").resource("A").resource("B")
                        .steps(begin(), enlist("A"), enlist("B"), setRollbackOnly(), status(), commit()),
                Scenario.named("Transaction.setRollbackOnly, then commit").resource("A")
                        .steps(begin(), enlist("A"), setRollbackOnlyOnTransaction(), status(), commit()).sameXaCalls(),
                Scenario.named("setRollbackOnly, then rollback").resource("A")
                        .steps(begin(), enlist("A"), setRollbackOnly(), rollback()),
                Scenario.named("enlist after setRollbackOnly").resource("A").resource("B")
                        .steps(begin(), enlist("A"), setRollbackOnly(), enlist("B"), commit()),
                Scenario.named("registerSynchronization after setRollbackOnly")
                        .steps(begin(), setRollbackOnly(), registerSynchronization("S1"), rollback()));
    }
}
