package io.pactum.it.differential;

import static io.pactum.it.differential.Steps.begin;
import static io.pactum.it.differential.Steps.commit;
import static io.pactum.it.differential.Steps.enlist;
import static javax.transaction.xa.XAException.XAER_NOTA;
import static javax.transaction.xa.XAException.XAER_PROTO;
import static javax.transaction.xa.XAException.XAER_RMERR;
import static javax.transaction.xa.XAException.XAER_RMFAIL;
import static javax.transaction.xa.XAException.XA_RBDEADLOCK;
import static javax.transaction.xa.XAException.XA_RBINTEGRITY;
import static javax.transaction.xa.XAException.XA_RBROLLBACK;

import io.pactum.testing.ScriptedResource.Call;
import java.util.List;

/** Two or three resources: votes, prepare failures, and a phase-2 failure that outlasts every retry. */
final class TwoPhaseScenarios {
    private TwoPhaseScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                twoResources("2PC: both vote yes and commit"),
                threeResources("2PC: three vote yes and commit"),
                twoResources("2PC: the first votes read-only, the second commits").resource("A", r -> r.readOnly()),
                twoResources("2PC: the second votes read-only, the first commits").resource("B", r -> r.readOnly()),
                threeResources("2PC: all vote read-only, the last is committed in one phase unprepared")
                        .resource("A", r -> r.readOnly()).resource("B", r -> r.readOnly())
                        .resource("C", r -> r.readOnly()),
                twoResources("2PC: the first votes XA_RBROLLBACK").resource("A", r -> r.fail(Call.PREPARE, XA_RBROLLBACK)),
                threeResources("2PC: the middle one of three votes XA_RBINTEGRITY")
                        .resource("B", r -> r.fail(Call.PREPARE, XA_RBINTEGRITY)),
                threeResources("2PC: the last of three votes XA_RBDEADLOCK")
                        .resource("C", r -> r.fail(Call.PREPARE, XA_RBDEADLOCK)),
                threeResources("2PC: a read-only vote, then XA_RBROLLBACK")
                        .resource("A", r -> r.readOnly()).resource("B", r -> r.fail(Call.PREPARE, XA_RBROLLBACK)),
                twoResources("2PC: prepare fails with XAER_RMFAIL on the first")
                        .resource("A", r -> r.fail(Call.PREPARE, XAER_RMFAIL)),
                twoResources("2PC: prepare fails with XAER_RMERR on the second")
                        .resource("B", r -> r.fail(Call.PREPARE, XAER_RMERR)),
                twoResources("2PC: prepare fails with XAER_NOTA on the second")
                        .resource("B", r -> r.fail(Call.PREPARE, XAER_NOTA)),
                twoResources("2PC: prepare fails with XAER_PROTO on the second")
                        .resource("B", r -> r.fail(Call.PREPARE, XAER_PROTO)),
                twoResources("2PC: prepare throws a runtime exception on the second")
                        .resource("B", r -> r.throwOn(Call.PREPARE, new IllegalStateException("driver bug"))),
                twoResources("2PC: end fails with XAER_RMERR before prepare")
                        .resource("B", r -> r.fail(Call.END, XAER_RMERR)),
                twoResources("2PC: phase-2 commit keeps failing with XAER_RMFAIL: left to recovery")
                        .resource("B", r -> r.fail(Call.COMMIT, XAER_RMFAIL, XAER_RMFAIL, XAER_RMFAIL, XAER_RMFAIL,
                                XAER_RMFAIL, XAER_RMFAIL)));
    }

    static Scenario twoResources(String name) {
        return Scenario.named(name).resource("A").resource("B")
                .steps(begin(), enlist("A"), enlist("B"), commit());
    }

    static Scenario threeResources(String name) {
        return Scenario.named(name).resource("A").resource("B").resource("C")
                .steps(begin(), enlist("A"), enlist("B"), enlist("C"), commit());
    }
}
