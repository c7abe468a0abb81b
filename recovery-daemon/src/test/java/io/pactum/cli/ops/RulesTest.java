package io.pactum.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.cli.xid.RawXid;
import io.pactum.cli.xid.XidText;
import io.pactum.log.BranchRecord;
import io.pactum.log.CommitDecision;
import io.pactum.xid.NodeId;
import io.pactum.xid.PactumXid;
import io.pactum.xid.XidFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which manual actions contradict the log. Presumed abort: only a logged decision commits, and
 * only the process that began a transaction can still log one.
 */
class RulesTest {
    private static final Instant LOCKED_AT = Instant.parse("2026-11-26T10:00:00Z");
    private static final Instant NOW = LOCKED_AT.plusSeconds(3600);
    private static final Holder NOBODY = Holder.none("nobody");
    private static final Holder APP = new Holder(Holder.State.RUNNING, "[pid 4711 on host-a]", Optional.of(LOCKED_AT),
            Duration.ofSeconds(1));

    private static PactumXid xid(String node, Instant epoch, int branch) {
        return (PactumXid) XidText.parse(node + ":" + Long.toHexString(epoch.toEpochMilli()) + ":7#" + branch).branch()
                .orElseThrow();
    }

    private static Row row(PactumXid x, Owner owner, boolean decided) {
        CommitDecision d = decided ? new CommitDecision(x.globalId(), List.of(new BranchRecord(x, "pg"),
                new BranchRecord(new PactumXid(x.globalId(), 9), "my")), LOCKED_AT.plusSeconds(60), LOCKED_AT) : null;
        return new Row("pg", RawXid.of(x), owner, d, null, true);
    }

    private static final PactumXid OLD_PROCESS = xid("n1", LOCKED_AT.minusSeconds(3600), 1);
    private static final PactumXid RUNNING_PROCESS = xid("n1", LOCKED_AT.plusMillis(5), 1);

    @Test
    void rollingBackADecidedBranchIsRefusedCommittingItIsNot() {
        Row r = row(OLD_PROCESS, Owner.OURS, true);
        assertThat(Rules.refusal(Rules.Action.ROLLBACK, r, NOBODY, NOW)).hasValueSatisfying(why -> assertThat(why)
                .contains("decided to commit at " + LOCKED_AT).contains("1 other branch(es)").contains("half committed"));
        assertThat(Rules.refusal(Rules.Action.COMMIT, r, APP, NOW)).isEmpty();
        assertThat(Rules.advise(r, NOBODY, NOW).action()).isEqualTo("commit");
    }

    @Test
    void aDecisionJustWrittenByTheRunningApplicationIsLeftToItsPhaseTwo() {
        Row r = row(RUNNING_PROCESS, Owner.OURS, true); // decided at LOCKED_AT
        Instant soon = LOCKED_AT.plusSeconds(10);
        assertThat(Rules.advise(r, APP, soon).action()).isEqualTo("wait");
        assertThat(Rules.refusal(Rules.Action.COMMIT, r, APP, soon)).hasValueSatisfying(why -> assertThat(why)
                .contains("may be committing it right now in [pid 4711 on host-a]").contains("heuristic hazard"));
        assertThat(Rules.refusal(Rules.Action.COMMIT, r, APP, LOCKED_AT.plusSeconds(61))).as("a minute later").isEmpty();
        assertThat(Rules.refusal(Rules.Action.COMMIT, r, NOBODY, soon)).as("the application is gone").isEmpty();
    }

    @Test
    void withoutADecisionAnEndedTransactionRolledBack() {
        Row r = row(OLD_PROCESS, Owner.OURS, false);
        assertThat(Rules.refusal(Rules.Action.ROLLBACK, r, APP, NOW)).as("the app started after this process ended").isEmpty();
        assertThat(Rules.refusal(Rules.Action.ROLLBACK, r, NOBODY, NOW)).isEmpty();
        assertThat(Rules.refusal(Rules.Action.COMMIT, r, NOBODY, NOW)).hasValueSatisfying(why -> assertThat(why)
                .contains("presumed abort").contains("half committed"));
        assertThat(Rules.advise(r, APP, NOW).action()).isEqualTo("rollback");
    }

    @Test
    void aTransactionThatMayStillRunIsLeftToItsProcess() {
        Row r = row(RUNNING_PROCESS, Owner.OURS, false);
        assertThat(Rules.refusal(Rules.Action.COMMIT, r, APP, NOW)).hasValueSatisfying(why -> assertThat(why)
                .contains("may still be running in [pid 4711 on host-a]").contains("roll it back"));
        assertThat(Rules.refusal(Rules.Action.ROLLBACK, r, APP, NOW)).hasValueSatisfying(why -> assertThat(why)
                .contains("may still decide to commit it"));
        assertThat(Rules.advise(r, APP, NOW).action()).isEqualTo("wait");
        assertThat(Rules.refusal(Rules.Action.ROLLBACK, r, NOBODY, NOW)).as("nobody holds the log: it ended").isEmpty();
    }

    @Test
    void whenTheHolderCannotBeCheckedAnyUndecidedTransactionMayRun() {
        Holder unknown = new Holder(Holder.State.UNKNOWN, "maybe [pid 1 on host-b]", Optional.of(LOCKED_AT),
                Duration.ofMinutes(1));
        assertThat(unknown.mayRun(OLD_PROCESS.globalId())).isTrue();
        assertThat(APP.mayRun(OLD_PROCESS.globalId())).isFalse();
        assertThat(APP.mayRun(xid("n1", LOCKED_AT.minusMillis(500), 1).globalId())).as("within the clock margin").isTrue();
    }

    @Test
    void otherNodesAndOtherTransactionManagersAreNotOursToDecide() {
        Row other = row(xid("n2", LOCKED_AT, 1), Owner.OTHER_NODE, false);
        Row foreign = new Row("pg", new RawXid(0x1234, new byte[] {1, 2}, new byte[] {3}), Owner.FOREIGN, null, null, true);
        for (Rules.Action a : Rules.Action.values()) {
            assertThat(Rules.refusal(a, other, NOBODY, NOW)).hasValueSatisfying(w -> assertThat(w).contains("belongs to node n2"));
            assertThat(Rules.refusal(a, foreign, NOBODY, NOW)).hasValueSatisfying(w -> assertThat(w).contains("not a Pactum XID"));
        }
        assertThat(Rules.advise(other, NOBODY, NOW).action()).isEqualTo("none");
        assertThat(Rules.advise(foreign, NOBODY, NOW).reason()).contains("format 1234");
    }

    @Test
    void aTakenOverNodesBranchesRollBackLikeTheEngineDoes() {
        Row r = row(xid("n2", LOCKED_AT, 1), Owner.TAKEN_OVER, false);
        assertThat(Rules.refusal(Rules.Action.ROLLBACK, r, APP, NOW)).isEmpty();
        assertThat(Rules.refusal(Rules.Action.COMMIT, r, APP, NOW)).isPresent();
        assertThat(Rules.advise(r, APP, NOW).action()).isEqualTo("rollback");
    }

    @Test
    void aTakenOverNodesDecisionFoundInASharedTableIsKept() {
        Row r = row(xid("n2", LOCKED_AT, 1), Owner.TAKEN_OVER, true);
        assertThat(Rules.advise(r, APP, NOW).action()).isEqualTo("commit");
        assertThat(Rules.refusal(Rules.Action.ROLLBACK, r, APP, NOW)).hasValueSatisfying(w -> assertThat(w)
                .contains("half committed"));
        assertThat(Rules.refusal(Rules.Action.COMMIT, r, APP, NOW)).isEmpty();
    }

    @Test
    void aBranchWhoseDecisionMayBeHeldByADataSourceIsLeftToRecoveryWhichAsksIt() {
        XidFactory process = new XidFactory(new NodeId("n1"), LOCKED_AT.minusSeconds(3600).toEpochMilli());
        process.anchor("pg");
        PactumXid x = new PactumXid(process.newGlobalId(), 2);
        for (Owner owner : List.of(Owner.OURS, Owner.TAKEN_OVER)) {
            Row r = row(x, owner, false);
            assertThat(Rules.advise(r, NOBODY, NOW).action()).as("%s", owner).isEqualTo("recover");
            for (Rules.Action a : Rules.Action.values()) {
                assertThat(Rules.refusal(a, r, NOBODY, NOW)).as("%s %s", owner, a).hasValueSatisfying(why ->
                        assertThat(why).contains("pactum recover").contains("decision-table"));
            }
        }
        Row decided = row(x, Owner.OURS, true);
        assertThat(Rules.advise(decided, NOBODY, NOW).action()).as("a decision in the log still decides")
                .isEqualTo("commit");
    }
}
