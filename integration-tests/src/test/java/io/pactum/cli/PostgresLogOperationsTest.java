package io.pactum.cli;

import static io.pactum.cli.Operations.MY;
import static io.pactum.cli.Operations.OLD_EPOCH;
import static io.pactum.cli.Operations.PG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactum.it.Databases;
import io.pactum.log.BranchRecord;
import io.pactum.log.CommitDecision;
import io.pactum.log.HeuristicOutcome;
import io.pactum.log.HeuristicRecord;
import io.pactum.log.jdbc.PostgresLog;
import io.pactum.xid.GlobalId;
import io.pactum.xid.PactumXid;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose log is a PostgreSQL table: the operator commands read its rows without the node's
 * advisory lock, name the session holding it, and the daemon takes the lock only once the
 * application has let go.
 */
class PostgresLogOperationsTest {
    @TempDir
    Path dir;
    private final String table = "cli_log_" + UUID.randomUUID().toString().substring(0, 8);
    private Operations ops;
    private PostgresLog application;
    private PactumXid branchPg;
    private PactumXid branchMy;
    private PactumXid heuristic;

    @BeforeEach
    void runningApplication() throws Exception {
        ops = new Operations(dir);
        ops.writeConfig("log.postgres.url = " + Databases.PG_URL + "\nlog.postgres.user = " + Databases.PG_USER
                + "\nlog.postgres.password = " + Databases.PG_PASSWORD + "\nlog.postgres.table = " + table + "\n");
        application = PostgresLog.builder(Databases.postgres()).nodeId(ops.node).table(table).build();
        GlobalId g = ops.transaction(OLD_EPOCH);
        branchPg = Operations.branch(g, 1);
        branchMy = Operations.branch(g, 2);
        ops.prepare(PG, branchPg, 1);
        ops.prepare(MY, branchMy, 1);
        Instant now = Instant.now();
        application.writeDecision(new CommitDecision(g, List.of(new BranchRecord(branchPg, PG),
                new BranchRecord(branchMy, MY)), now.plusSeconds(60), now));
        heuristic = Operations.branch(ops.transaction(OLD_EPOCH), 1);
        application.writeHeuristic(new HeuristicRecord(new BranchRecord(heuristic, PG), HeuristicOutcome.COMMITTED,
                false, now));
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            application.close();
            ops.close();
        } finally {
            try (Connection c = Databases.postgres().getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    @Test
    void operatorsReadTheTableWhileTheApplicationHoldsIt() {
        Operations.Result list = ops.pactum("list", "--json");

        assertThat(list.code()).as(list.toString()).isZero();
        JsonNode holder = list.json().get("holder");
        assertThat(holder.get("state").asText()).isEqualTo("running");
        assertThat(holder.get("description").asText()).startsWith("PostgreSQL session pid ");
        assertThat(list.json().get("log").asText()).isEqualTo("PostgreSQL table " + table + " at " + Databases.PG_URL);
        assertThat(ops.listed(list, branchMy, MY).get("decision").asText()).isEqualTo("commit");
        assertThat(ops.listed(list, heuristic, PG).get("suggestedAction").asText()).isEqualTo("forget");

        Operations.Result log = ops.pactum("log", "--json");
        assertThat(log.json().get("records").get(0).get("where").asText())
                .isEqualTo(table + " row (" + ops.node + ", " + branchPg.globalId() + ", 0)");
    }

    @Test
    void theDaemonWaitsForTheApplicationsLockThenFinishesTheDecision() throws Exception {
        Operations.Result refused = ops.pactum("recover", "--once");
        assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCode.REFUSED);
        assertThat(refused.err()).contains("is in use by PostgreSQL session pid ");

        application.close();
        Operations.Result once = ops.pactum("recover", "--once");

        assertThat(once.code()).as(once.toString()).isZero();
        assertThat(ops.committed(PG, 1)).isTrue();
        assertThat(ops.committed(MY, 1)).isTrue();
        assertThat(ops.pactum("log", "--json").json().get("pending")).isEmpty();
        application = PostgresLog.builder(Databases.postgres()).nodeId(ops.node).table(table).build();
    }

    @Test
    void aTakenOverNodesDecisionInTheSharedTableIsReadToo() throws Exception {
        String other = "other-" + ops.node.substring(4);
        ops.writeConfig("log.postgres.url = " + Databases.PG_URL + "\nlog.postgres.user = " + Databases.PG_USER
                + "\nlog.postgres.password = " + Databases.PG_PASSWORD + "\nlog.postgres.table = " + table
                + "\nrecovery.takeover = " + other + "\n");
        GlobalId g = ops.transaction(other, OLD_EPOCH);
        PactumXid branch = Operations.branch(g, 1);
        ops.prepare(PG, branch, 7);
        try (PostgresLog dead = PostgresLog.builder(Databases.postgres()).nodeId(other).table(table).build()) {
            Instant now = Instant.now();
            dead.writeDecision(new CommitDecision(g, List.of(new BranchRecord(branch, PG),
                    new BranchRecord(Operations.branch(g, 2), MY)), now.plusSeconds(60), now));
        }

        Operations.Result list = ops.pactum("list", "--json");

        JsonNode row = ops.listed(list, branch, PG);
        assertThat(row.get("owner").asText()).isEqualTo("taken-over");
        assertThat(row.get("suggestedAction").asText()).isEqualTo("commit");
        assertThat(ops.pactum("rollback", branch.toString()).code()).isEqualTo(ExitCode.REFUSED);
    }

    @Test
    void forgetDeletesTheHeuristicRowEvenWhileTheApplicationRuns() throws Exception {
        Operations.Result forget = ops.pactum("forget", heuristic.toString());

        assertThat(forget.code()).as(forget.toString()).isZero();
        assertThat(application.heuristics()).isEmpty();
        assertThat(application.pendingDecisions()).hasSize(1);
    }
}
