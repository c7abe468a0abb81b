package io.pactum.it.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.transaction.RollbackException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL refuses to prepare, after MariaDB prepared its branch: the prepared MariaDB branch
 * is rolled back, and nothing of the transfer remains on either side.
 */
class PrepareRefusalTest {
    @TempDir
    Path log;
    private Bank bank;

    @BeforeEach
    void open() throws Exception {
        bank = new Bank(log);
    }

    @AfterEach
    void close() throws Exception {
        try {
            assertThat(bank.inDoubt()).as("prepared branches left behind").isEmpty();
            assertThat(bank.pg.enlistedConnections()).isZero();
            assertThat(bank.my.enlistedConnections()).isZero();
        } finally {
            bank.close();
        }
    }

    /** The unique constraint is deferred: PostgreSQL checks it at PREPARE TRANSACTION. */
    @Test
    void aUniqueKeyViolationAtPrepareRollsBackThePreparedMariaDbBranch() throws Exception {
        bank.tm.begin();
        bank.reference("transfer-1");
        bank.tm.commit();

        bank.tm.begin();
        bank.add(bank.my, 2, 100);   // MariaDB first: it prepares first
        bank.add(bank.pg, 1, -100);
        bank.reference("transfer-1"); // the same transfer again
        assertThatThrownBy(bank.tm::commit).isInstanceOf(RollbackException.class)
                .hasMessageContaining("pg-accounts");

        assertThat(bank.pgBalance(1)).isEqualTo(Bank.OPENING_BALANCE);
        assertThat(bank.myBalance(2)).isEqualTo(Bank.OPENING_BALANCE);
        assertThat(bank.references()).isEqualTo(1);
    }

    /** PostgreSQL cannot prepare a transaction that touched a temporary table. */
    @Test
    void aDatabaseThatRefusesToPrepareRollsBackTheOther() throws Exception {
        bank.tm.begin();
        bank.add(bank.my, 2, 100);
        bank.add(bank.pg, 1, -100);
        try (Connection c = bank.pg.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE scratch (n int)");
        }
        assertThatThrownBy(bank.tm::commit).isInstanceOf(RollbackException.class)
                .hasMessageContaining("did not prepare");

        assertThat(bank.pgBalance(1)).isEqualTo(Bank.OPENING_BALANCE);
        assertThat(bank.myBalance(2)).isEqualTo(Bank.OPENING_BALANCE);
    }

    /** The connection that failed to prepare is destroyed, not pooled: the next transfer works. */
    @Test
    void theNextTransferAfterARefusalCommits() throws Exception {
        bank.tm.begin();
        bank.add(bank.my, 2, 100);
        try (Connection c = bank.pg.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE scratch (n int)");
        }
        assertThatThrownBy(bank.tm::commit).isInstanceOf(RollbackException.class);

        bank.tm.begin();
        bank.moveToMariaDb(1, 2, 100);
        bank.tm.commit();
        assertThat(bank.pgBalance(1)).isEqualTo(Bank.OPENING_BALANCE - 100);
        assertThat(bank.myBalance(2)).isEqualTo(Bank.OPENING_BALANCE + 100);
    }
}
