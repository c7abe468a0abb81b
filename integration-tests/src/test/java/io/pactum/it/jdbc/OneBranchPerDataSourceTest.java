package io.pactum.it.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.jdbc.PactumDataSource;
import io.pactum.twopc.Branch;
import io.pactum.tx.PactumTransaction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In one transaction, every {@code getConnection()} of a data source is a handle on the same
 * physical connection and branch; the connection goes back to the pool once the transaction has
 * completed.
 */
class OneBranchPerDataSourceTest {
    private static final String PG_SESSION = "SELECT pg_backend_pid()";
    private static final String MY_SESSION = "SELECT CONNECTION_ID()";

    @TempDir
    Path log;
    private Bank bank;

    @AfterEach
    void close() throws Exception {
        try {
            assertThat(bank.inDoubt()).isEmpty();
        } finally {
            bank.close();
        }
    }

    private static long session(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long sessionOf(PactumDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return session(c, ds == bank.pg ? PG_SESSION : MY_SESSION);
        }
    }

    @Test
    void repeatedGetConnectionSharesOneSessionAndOneBranchPerDataSource() throws Exception {
        bank = new Bank(log);
        bank.tm.begin();
        PactumTransaction tx = bank.tm.getTransaction();
        long pg1;
        long my1;
        try (Connection pg = bank.pg.getConnection(); Connection my = bank.my.getConnection()) {
            pg1 = session(pg, PG_SESSION);
            my1 = session(my, MY_SESSION);
        }
        bank.moveToMariaDb(1, 2, 100); // two more handles each, closed again
        try (Connection pgA = bank.pg.getConnection(); Connection pgB = bank.pg.getConnection();
             Connection myA = bank.my.getConnection(); Connection myB = bank.my.getConnection()) {
            assertThat(session(pgA, PG_SESSION)).isEqualTo(pg1);
            assertThat(session(pgB, PG_SESSION)).isEqualTo(pg1);
            assertThat(session(myA, MY_SESSION)).isEqualTo(my1);
            assertThat(session(myB, MY_SESSION)).isEqualTo(my1);
        }
        assertThat(tx.branches()).extracting(Branch::resourceName).containsExactly("pg-accounts", "my-accounts");
        bank.tm.commit();

        assertThat(bank.pgBalance(1)).isEqualTo(Bank.OPENING_BALANCE - 100);
        assertThat(bank.myBalance(2)).isEqualTo(Bank.OPENING_BALANCE + 100);
    }

    @Test
    void closingAHandleDoesNotEndTheBranch() throws Exception {
        bank = new Bank(log);
        bank.tm.begin();
        bank.add(bank.pg, 1, -100); // its handle is closed
        try (Connection pg = bank.pg.getConnection(); Statement s = pg.createStatement();
             ResultSet rs = s.executeQuery("SELECT balance FROM " + bank.table + " WHERE id = 1")) {
            rs.next();
            assertThat(rs.getLong(1)).as("the branch's own view").isEqualTo(Bank.OPENING_BALANCE - 100);
        }
        assertThat(bank.pgBalance(1)).as("committed data").isEqualTo(Bank.OPENING_BALANCE);
        bank.tm.commit();

        assertThat(bank.pgBalance(1)).isEqualTo(Bank.OPENING_BALANCE - 100);
    }

    /** With a pool of one, the next transaction could not get a connection if the last one kept it. */
    @Test
    void theConnectionGoesBackToThePoolWhenTheTransactionCompletes() throws Exception {
        bank = new Bank(log, tm -> tm, ds -> ds.maxPoolSize(1).acquisitionTimeout(Duration.ofSeconds(2)));
        bank.tm.begin();
        long pg = sessionOf(bank.pg);
        long my = sessionOf(bank.my);
        bank.moveToMariaDb(1, 2, 10);
        bank.tm.commit();
        assertThat(bank.pg.enlistedConnections()).isZero();

        bank.tm.begin();
        assertThat(sessionOf(bank.pg)).isEqualTo(pg);
        assertThat(sessionOf(bank.my)).isEqualTo(my);
        bank.tm.rollback();

        assertThat(sessionOf(bank.pg)).as("outside a transaction").isEqualTo(pg);
    }

    /** A suspended transaction keeps its connection; another transaction on the thread gets its own. */
    @Test
    void aSuspendedTransactionKeepsItsConnection() throws Exception {
        bank = new Bank(log);
        bank.tm.begin();
        long first = sessionOf(bank.pg);
        bank.add(bank.pg, 1, -100);
        PactumTransaction suspended = bank.tm.suspend();

        bank.tm.begin();
        assertThat(sessionOf(bank.pg)).isNotEqualTo(first);
        bank.add(bank.pg, 2, 100);
        bank.tm.rollback();

        bank.tm.resume(suspended);
        assertThat(sessionOf(bank.pg)).isEqualTo(first);
        bank.tm.commit();
        assertThat(bank.pgBalance(1)).isEqualTo(Bank.OPENING_BALANCE - 100);
        assertThat(bank.pgBalance(2)).isEqualTo(Bank.OPENING_BALANCE);
    }
}
