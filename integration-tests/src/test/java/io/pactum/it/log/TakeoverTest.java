package io.pactum.it.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.Pactum;
import io.pactum.it.Databases;
import io.pactum.jdbc.dialect.Dialect;
import io.pactum.jdbc.dialect.Dialects;
import io.pactum.jdbc.pool.XaDataSourceRecovery;
import io.pactum.log.BranchRecord;
import io.pactum.log.CommitDecision;
import io.pactum.log.jdbc.PostgresLog;
import io.pactum.recovery.ScanReport;
import io.pactum.tx.PactumTransactionManager;
import io.pactum.xid.GlobalId;
import io.pactum.xid.NodeId;
import io.pactum.xid.PactumXid;
import io.pactum.xid.XidFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Node A takes over node B (recoverNode), both logging to one PostgreSQL table, after B died
 * between its commit decision and phase 2. B's decision is in the table: the branch it left
 * prepared must be committed, not rolled back as an orphan.
 */
class TakeoverTest {
    private final DataSource ds = Databases.postgres();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String table = "pactum_log_" + suffix;
    private final String accounts = "takeover_" + suffix;
    private final Dialect dialect = Dialects.forUrl(Databases.PG_URL);
    private final XADataSource xa = dialect.xaDataSource(Databases.PG_URL, Databases.PG_USER, Databases.PG_PASSWORD);
    private PactumXid branch;

    @AfterEach
    void cleanUp() throws Exception {
        if (branch != null) {
            XAConnection c = xa.getXAConnection();
            try {
                c.getXAResource().rollback(branch);
            } catch (XAException e) {
                // finished by the test
            } finally {
                c.close();
            }
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            s.execute("DROP TABLE IF EXISTS " + accounts);
        }
    }

    @Test
    void aTakenOverNodesDecidedBranchIsCommitted() throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + accounts + " (id int PRIMARY KEY)");
        }
        String nodeB = "b-" + suffix;
        GlobalId g = new XidFactory(new NodeId(nodeB)).newGlobalId();
        branch = new PactumXid(g, 1);
        prepareInsert(branch);
        try (PostgresLog logB = PostgresLog.builder(ds).nodeId(nodeB).table(table).build()) {
            Instant now = Instant.now();
            logB.writeDecision(new CommitDecision(g, List.of(new BranchRecord(branch, "pg"),
                    new BranchRecord(new PactumXid(g, 2), "pg")), now.plusSeconds(60), now));
        } // B dies after its decision, before phase 2

        PostgresLog logA = PostgresLog.builder(ds).nodeId("a-" + suffix).table(table).build();
        try (PactumTransactionManager a = Pactum.builder().logStore(logA).recovery(false).recoverNode(nodeB)
                .orphanSafetyInterval(Duration.ZERO).build()) {
            a.registerRecoverable(new XaDataSourceRecovery("pg", xa, dialect));
            ScanReport first = a.recoverNow();
            ScanReport second = a.recoverNow();

            assertThat(first.rolledBack() + second.rolledBack()).as("B decided to commit: nothing to roll back").isZero();
            assertThat(committedRows()).as("B's decided branch").isEqualTo(1);
        }
    }

    private void prepareInsert(PactumXid xid) throws Exception {
        XAConnection c = xa.getXAConnection();
        try {
            XAResource r = c.getXAResource();
            r.start(xid, XAResource.TMNOFLAGS);
            try (Statement s = c.getConnection().createStatement()) {
                s.execute("INSERT INTO " + accounts + " VALUES (1)");
            }
            r.end(xid, XAResource.TMSUCCESS);
            r.prepare(xid);
        } finally {
            c.close();
        }
    }

    private long committedRows() throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM " + accounts)) {
            r.next();
            return r.getLong(1);
        }
    }
}
