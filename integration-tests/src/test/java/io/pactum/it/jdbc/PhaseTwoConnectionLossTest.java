package io.pactum.it.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.jdbc.PactumDataSource;
import io.pactum.log.BranchRecord;
import io.pactum.log.CommitDecision;
import io.pactum.recovery.RecoverableResource;
import io.pactum.recovery.ScanReport;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.Trace;
import io.pactum.tx.PactumTransaction;
import io.pactum.xid.PactumXid;
import jakarta.transaction.Status;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server connection of one branch is killed in phase 2, after the other database committed:
 * {@code commit()} still returns (the decision is logged), the branch stays prepared in its
 * database, and recovery commits it through a connection of its own.
 *
 * <p>A third, scripted branch sits between the two databases' branches; its commit is where the
 * connection of the last one is killed, from another connection: {@code pg_terminate_backend} in
 * PostgreSQL, {@code KILL} in MariaDB.
 */
class PhaseTwoConnectionLossTest {
    @TempDir
    Path log;
    private Bank bank;
    private final ScriptedResource hook = new ScriptedResource("hook", new Trace());

    @BeforeEach
    void open() throws Exception {
        // the hook's commit kills the victim's connection before the victim's commit is sent
        bank = new Bank(log, tm -> tm.parallelPhases(0), ds -> ds);
        bank.tm.registerRecoverable(RecoverableResource.of("hook", hook));
    }

    @AfterEach
    void close() throws Exception {
        try {
            assertThat(bank.inDoubt()).as("prepared branches left behind").isEmpty();
        } finally {
            bank.close();
        }
    }

    @ParameterizedTest(name = "{0} loses its connection")
    @ValueSource(strings = {"PostgreSQL", "MariaDB"})
    void recoveryCommitsTheBranchWhoseConnectionWasKilled(String killed) throws Exception {
        boolean killPg = killed.equals("PostgreSQL");
        PactumDataSource survivor = killPg ? bank.my : bank.pg;
        PactumDataSource victim = killPg ? bank.pg : bank.my;
        bank.tm.begin();
        PactumTransaction tx = bank.tm.getTransaction();
        bank.add(survivor, 1, 100);
        tx.enlistResource(hook);
        long session = session(victim, killPg);
        bank.add(victim, 2, -100);
        hook.onCommit(() -> kill(killPg, session));

        bank.tm.commit();

        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(balance(survivor, 1)).isEqualTo(Bank.OPENING_BALANCE + 100);
        assertThat(balance(victim, 2)).as("still prepared").isEqualTo(Bank.OPENING_BALANCE);
        PactumXid victimBranch = new PactumXid(tx.globalId(), 3);
        assertThat(bank.inDoubt()).containsExactly(victimBranch);
        assertThat(bank.tm.log().pendingDecisions()).singleElement()
                .extracting(CommitDecision::branches).asList()
                .extracting(b -> ((BranchRecord) b).resourceName())
                .containsExactly(survivor.name(), "hook", victim.name());

        ScanReport report = bank.tm.recoverNow();

        assertThat(report.committed()).isEqualTo(1);
        assertThat(report.decisionsFinished()).isEqualTo(1);
        assertThat(balance(victim, 2)).isEqualTo(Bank.OPENING_BALANCE - 100);
        assertThat(bank.tm.log().pendingDecisions()).isEmpty();
    }

    private long balance(PactumDataSource ds, int account) throws SQLException {
        return ds == bank.pg ? bank.pgBalance(account) : bank.myBalance(account);
    }

    private static long session(PactumDataSource ds, boolean pg) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(pg ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void kill(boolean pg, long session) {
        try {
            if (pg) {
                Bank.execute(bank.pgPlain(), "SELECT pg_terminate_backend(" + session + ")");
            } else {
                Bank.execute(bank.myPlain(), "KILL " + session);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not kill session " + session, e);
        }
    }
}
