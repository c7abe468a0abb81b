package io.pactum.it.differential;

import static io.pactum.it.differential.Steps.begin;
import static io.pactum.it.differential.Steps.commit;
import static io.pactum.it.differential.Steps.enlist;
import static javax.transaction.xa.XAException.XA_HEURCOM;
import static javax.transaction.xa.XAException.XA_RBDEADLOCK;
import static javax.transaction.xa.XAException.XA_RBROLLBACK;

import io.pactum.testing.ScriptedResource.Call;
import java.util.List;

/**
 * One resource: committed in one phase. The failures of one-phase commit on which the
 * managers disagree are in {@link KnownDifferencesTest.OnePhaseCommit}.
 */
final class OnePhaseScenarios {
    private OnePhaseScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                onePhase("1PC: the only resource commits").resource("A").sameXaCalls(),
                onePhase("1PC: XA_RBROLLBACK on one-phase commit").resource("A", r -> r.fail(Call.COMMIT, XA_RBROLLBACK)),
                onePhase("1PC: XA_RBDEADLOCK on one-phase commit").resource("A", r -> r.fail(Call.COMMIT, XA_RBDEADLOCK)),
                onePhase("1PC: XA_HEURCOM on one-phase commit").resource("A", r -> r.fail(Call.COMMIT, XA_HEURCOM))
                        .sameXaCalls());
    }

    static Scenario onePhase(String name) {
        return Scenario.named(name).steps(begin(), enlist("A"), commit());
    }
}
