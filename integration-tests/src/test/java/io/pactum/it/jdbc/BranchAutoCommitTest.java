package io.pactum.it.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MariaDB runs an XA branch as one transaction whatever the session's autocommit, so the
 * autocommit switches the pool makes around an enlisted connection stay on the client: an
 * enlisted connection says autocommit is off, the server never hears of it, and outside a
 * transaction the connection behaves as before, local transactions included. A pool of one
 * connection makes every call below land on the same server session.
 */
class BranchAutoCommitTest {
    @TempDir
    Path log;
    private Bank bank;

    @BeforeEach
    void open() throws SQLException {
        bank = new Bank(log, tm -> tm, ds -> ds.maxPoolSize(1).acquisitionTimeout(Duration.ofSeconds(2)));
    }

    @AfterEach
    void close() throws Exception {
        try {
            assertThat(bank.inDoubt()).isEmpty();
        } finally {
            bank.close();
        }
    }

    /** {@code SET autocommit} statements the session has run so far (the session's own counter). */
    private long autocommitSwitches() throws SQLException {
        try (Connection c = bank.my.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Com_set_option'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    private static long serverAutoCommit(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT @@autocommit")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void transactionsSendNoAutocommitSwitchToTheServer() throws Exception {
        long before = autocommitSwitches();
        for (int i = 0; i < 5; i++) {
            bank.tm.begin();
            bank.moveToMariaDb(1, 2, 10);
            bank.tm.commit();
        }
        bank.tm.begin();
        bank.moveToMariaDb(1, 2, 10);
        bank.tm.rollback();

        assertThat(autocommitSwitches() - before).isZero();
        assertThat(bank.myBalance(2)).isEqualTo(Bank.OPENING_BALANCE + 50);
    }

    @Test
    void anEnlistedConnectionSaysAutocommitIsOffAndItsBranchIsOneTransaction() throws Exception {
        bank.tm.begin();
        try (Connection c = bank.my.getConnection()) {
            assertThat(c.getAutoCommit()).isFalse();
            assertThat(serverAutoCommit(c)).as("the server's session").isEqualTo(1);
        }
        bank.add(bank.my, 3, 5);
        bank.add(bank.my, 3, 5);
        assertThat(bank.myBalance(3)).as("seen from outside before the commit").isEqualTo(Bank.OPENING_BALANCE);
        bank.tm.rollback();

        assertThat(bank.myBalance(3)).isEqualTo(Bank.OPENING_BALANCE);
    }

    @Test
    void afterATransactionTheConnectionIsAnAutoCommitOneAgain() throws Exception {
        bank.tm.begin();
        bank.moveToMariaDb(1, 4, 7);
        bank.tm.commit();

        try (Connection c = bank.my.getConnection()) {
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(serverAutoCommit(c)).isEqualTo(1);
            try (PreparedStatement update = c.prepareStatement("UPDATE " + bank.table + " SET balance = 0 WHERE id = 4")) {
                update.executeUpdate();
            }
            assertThat(bank.myBalance(4)).as("committed by the statement itself").isZero();
        }
    }

    @Test
    void aLocalTransactionOutsideJtaStillReachesTheServer() throws Exception {
        try (Connection c = bank.my.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE " + bank.table + " SET balance = 0 WHERE id = 5")) {
            c.setAutoCommit(false); // the statement was prepared before: it must run in the local transaction
            assertThat(serverAutoCommit(c)).isZero();
            update.executeUpdate();
            c.rollback();
            assertThat(bank.myBalance(5)).isEqualTo(Bank.OPENING_BALANCE);
            update.executeUpdate();
            c.commit();
            assertThat(bank.myBalance(5)).isZero();
        }

        // the pool put autocommit back; the next transaction works on the same session
        bank.tm.begin();
        bank.moveToMariaDb(1, 5, 9);
        bank.tm.commit();
        assertThat(bank.myBalance(5)).isEqualTo(9);
        try (Connection c = bank.my.getConnection()) {
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(serverAutoCommit(c)).isEqualTo(1);
        }
    }
}
