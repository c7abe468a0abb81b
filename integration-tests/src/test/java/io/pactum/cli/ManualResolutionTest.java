package io.pactum.cli;

import static io.pactum.cli.Operations.MY;
import static io.pactum.cli.Operations.OLD_EPOCH;
import static io.pactum.cli.Operations.PG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactum.cli.xid.XidText;
import io.pactum.xid.GlobalId;
import io.pactum.xid.PactumXid;
import java.nio.file.Path;
import java.util.Map;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator commits and rolls back prepared branches by hand. What agrees with the log is
 * done; what contradicts it is refused with the reason (exit 3, nothing done) unless forced;
 * everything lands in the audit file.
 */
class ManualResolutionTest {
    @TempDir
    Path dir;
    private Operations ops;
    private PactumXid decidedPg;
    private PactumXid decidedMy;
    private PactumXid orphan;

    @BeforeEach
    void crashedApplication() throws Exception {
        ops = new Operations(dir);
        GlobalId decided = ops.transaction(OLD_EPOCH);
        decidedPg = Operations.branch(decided, 1);
        decidedMy = Operations.branch(decided, 2);
        ops.prepare(PG, decidedPg, 1);
        ops.prepare(MY, decidedMy, 1);
        ops.decide(decided, Map.of(decidedPg, PG, decidedMy, MY));
        orphan = Operations.branch(ops.transaction(OLD_EPOCH), 1);
        ops.prepare(MY, orphan, 2);
    }

    @AfterEach
    void nothingLeftBehind() throws Exception {
        try {
            assertThat(ops.stillPrepared()).isEmpty();
        } finally {
            ops.close();
        }
    }

    @Test
    void committingEveryBranchOfADecidedTransaction() throws Exception {
        Operations.Result commit = ops.pactum("commit", decidedPg.globalId().toString());

        assertThat(commit.code()).as(commit.toString()).isZero();
        assertThat(commit.out()).contains("committed " + decidedPg + " on pg").contains("committed " + decidedMy + " on my");
        assertThat(ops.committed(PG, 1)).isTrue();
        assertThat(ops.committed(MY, 1)).isTrue();
        assertThat(ops.auditLines()).hasSize(2).allSatisfy(l -> assertThat(l)
                .containsPattern("^\\S+Z user=\\S+ host=\\S+ node=" + ops.node + " action=commit xid=" + ops.node)
                .contains("force=false result=committed"));
        ops.pactum("rollback", orphan.toString());
    }

    @Test
    void rollingBackABranchWhoseTransactionDecidedToCommitIsRefused() throws Exception {
        Operations.Result rollback = ops.pactum("rollback", decidedMy.toString());

        assertThat(rollback.code()).as(rollback.toString()).isEqualTo(ExitCode.REFUSED);
        assertThat(rollback.err()).contains("refused: the transaction of " + decidedMy + " decided to commit at")
                .contains("rolling this one back would leave the transaction half committed")
                .contains("Nothing was done; --force does it anyway");
        assertThat(ops.stillPrepared()).contains("my " + decidedMy);
        assertThat(ops.auditLines()).singleElement().asString().contains("action=rollback xid=" + decidedMy
                + " resource=my force=false result=refused reason=\"the transaction of");

        Operations.Result forced = ops.pactum("rollback", "--force", "--json", decidedMy.toString());

        assertThat(forced.code()).as(forced.toString()).isZero();
        JsonNode r = forced.json().get("results").get(0);
        assertThat(r.get("result").asText()).isEqualTo("rolled-back");
        assertThat(r.get("overrode").asText()).contains("decided to commit");
        assertThat(ops.committed(MY, 1)).isFalse();
        assertThat(ops.auditLines()).hasSize(2).last().asString().contains("force=true result=rolled-back")
                .contains("overrode: the transaction of");
        ops.pactum("commit", decidedPg.toString());
        ops.pactum("rollback", orphan.toString());
    }

    @Test
    void anUndecidedBranchOfAnEndedProcessRollsBackAndDoesNotCommit() throws Exception {
        Operations.Result commit = ops.pactum("commit", orphan.toString());

        assertThat(commit.code()).as(commit.toString()).isEqualTo(ExitCode.REFUSED);
        assertThat(commit.err()).contains("has no commit decision and the process that began it has ended")
                .contains("presumed abort");

        Operations.Result rollback = ops.pactum("rollback", XidText.mysql(orphan));

        assertThat(rollback.code()).as(rollback.toString()).isZero();
        assertThat(rollback.out()).contains("rolled-back " + orphan + " on my");
        assertThat(ops.committed(MY, 2)).isFalse();
        ops.pactum("commit", decidedPg.globalId().toString());
    }

    @Test
    void anotherTransactionManagersBranchIsOnlyTouchedWhenForced() throws Exception {
        Xid foreign = ops.foreignXid();
        ops.prepare(PG, foreign, 9);

        Operations.Result refused = ops.pactum("commit", XidText.hex(foreign));
        assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCode.REFUSED);
        assertThat(refused.err()).contains("is not a Pactum XID");

        Operations.Result forced = ops.pactum("commit", "--force", XidText.hex(foreign));
        assertThat(forced.code()).as(forced.toString()).isZero();
        assertThat(ops.committed(PG, 9)).isTrue();
        ops.pactum("commit", decidedPg.globalId().toString());
        ops.pactum("rollback", orphan.toString());
    }

    @Test
    void aBranchNoDatabaseHoldsIsNotFound() throws Exception {
        ops.pactum("commit", decidedPg.globalId().toString());

        Operations.Result again = ops.pactum("commit", decidedPg.toString());

        assertThat(again.code()).as(again.toString()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(again.err()).contains("no configured database holds " + decidedPg + " prepared");
        ops.pactum("rollback", orphan.toString());
    }
}
