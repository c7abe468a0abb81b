package io.pactum.it.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.Pactum;
import io.pactum.it.Databases;
import io.pactum.log.BranchRecord;
import io.pactum.log.CommitDecision;
import io.pactum.log.HeuristicOutcome;
import io.pactum.log.HeuristicRecord;
import io.pactum.log.LogException;
import io.pactum.log.jdbc.PostgresLog;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.Trace;
import io.pactum.tx.PactumTransactionManager;
import io.pactum.xid.GlobalId;
import io.pactum.xid.NodeId;
import io.pactum.xid.PactumXid;
import io.pactum.xid.XidFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The PostgreSQL log store against a real PostgreSQL server. */
class PostgresLogTest {
    private final DataSource ds = Databases.postgres();
    private final String table = "pactum_log_" + UUID.randomUUID().toString().substring(0, 8);
    private final XidFactory xids = new XidFactory(new NodeId("pg-node"));

    @AfterEach
    void dropTable() throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        }
    }

    private PostgresLog open(String node) throws LogException {
        return PostgresLog.builder(ds).nodeId(node).table(table).build();
    }

    private CommitDecision decision() {
        GlobalId id = xids.newGlobalId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new CommitDecision(id, List.of(new BranchRecord(new PactumXid(id, 1), "orders"),
                new BranchRecord(new PactumXid(id, 2), "pay:ments")), now.plusSeconds(60), now);
    }

    @Test
    void keepsDecisionsUntilDoneAcrossReopens() throws Exception {
        CommitDecision kept = decision();
        CommitDecision finished = decision();
        try (PostgresLog log = open("pg-node")) {
            log.writeDecision(kept);
            log.writeDecision(finished);
            log.writeDone(finished.globalId());
        }
        try (PostgresLog log = open("pg-node")) {
            assertThat(log.pendingDecisions()).containsExactly(kept);
        }
    }

    @Test
    void aSecondProcessOfTheSameNodeIsRefused() throws Exception {
        try (PostgresLog first = open("pg-node")) {
            assertThatThrownBy(() -> open("pg-node")).isInstanceOf(LogException.class)
                    .hasMessageContaining("already runs in another process");
        }
        open("pg-node").close(); // released on close
    }

    @Test
    void nodesSharingTheTableSeeOnlyTheirOwnRows() throws Exception {
        try (PostgresLog a = open("pg-node"); PostgresLog b = open("other-node")) {
            CommitDecision d = decision();
            a.writeDecision(d);
            assertThat(b.pendingDecisions()).isEmpty();
            assertThat(a.pendingDecisions()).containsExactly(d);
        }
    }

    @Test
    void heuristicsStayUntilForgotten() throws Exception {
        CommitDecision d = decision();
        HeuristicRecord h = new HeuristicRecord(d.branches().get(1), HeuristicOutcome.ROLLED_BACK, true,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try (PostgresLog log = open("pg-node")) {
            log.writeHeuristic(h);
            assertThat(log.heuristics()).containsExactly(h);
            log.forgetHeuristic(h.branch().xid());
            assertThat(log.heuristics()).isEmpty();
        }
    }

    @Test
    void concurrentDecisionsAreAllDurable() throws Exception {
        try (PostgresLog log = open("pg-node")) {
            List<Thread> threads = new ArrayList<>();
            List<CommitDecision> all = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 8; t++) {
                Thread th = new Thread(() -> {
                    for (int i = 0; i < 50; i++) {
                        CommitDecision d = decision();
                        try {
                            log.writeDecision(d);
                        } catch (LogException e) {
                            throw new AssertionError(e);
                        }
                        all.add(d);
                    }
                });
                threads.add(th);
                th.start();
            }
            for (Thread th : threads) {
                th.join();
            }
            assertThat(log.pendingDecisions()).containsExactlyInAnyOrderElementsOf(all);
        }
    }

    @Test
    void aMissingTableIsRefusedWhenCreationIsOff() {
        assertThatThrownBy(() -> PostgresLog.builder(ds).nodeId("pg-node").table(table).createTable(false).build())
                .isInstanceOf(LogException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("postgresql.sql");
    }

    @Test
    void aTransactionManagerTakesItsNodeIdFromTheLogAndLeavesUnfinishedDecisionsThere() throws Exception {
        Trace trace = new Trace();
        ScriptedResource a = new ScriptedResource("A", trace);
        ScriptedResource b = new ScriptedResource("B", trace).fail(ScriptedResource.Call.COMMIT,
                XAException.XAER_RMFAIL, XAException.XAER_RMFAIL);
        try (PactumTransactionManager tm = Pactum.builder().logStore(open("pg-node")).commitRetries(1)
                .retryDelay(Duration.ZERO).build()) {
            assertThat(tm.nodeId().value()).isEqualTo("pg-node");
            tm.begin();
            tm.getTransaction().enlistResource(a);
            tm.getTransaction().enlistResource(b);
            tm.commit();
        }
        try (PostgresLog log = open("pg-node")) {
            assertThat(log.pendingDecisions()).singleElement()
                    .satisfies(d -> assertThat(d.branches()).extracting(BranchRecord::resourceName)
                            .containsExactly("A", "B"));
        }
    }
}
