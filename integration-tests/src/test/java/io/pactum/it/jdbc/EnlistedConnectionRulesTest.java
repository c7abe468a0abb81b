package io.pactum.it.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.jdbc.PactumDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Only the transaction manager ends a transaction: an enlisted connection refuses commit,
 * rollback, auto-commit and savepoints, changing nothing. Outside a transaction a connection is
 * an ordinary auto-commit one.
 */
class EnlistedConnectionRulesTest {
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
            assertThat(bank.inDoubt()).isEmpty();
        } finally {
            bank.close();
        }
    }

    private static final Savepoint SOME_SAVEPOINT = new Savepoint() {
        @Override
        public int getSavepointId() {
            return 1;
        }

        @Override
        public String getSavepointName() {
            return "s1";
        }
    };

    /** Each refused call on both databases; afterwards the transaction still commits everything. */
    private void assertRefused(String call, ThrowingConsumer<Connection> action) throws Exception {
        long pgBefore = bank.pgBalance(1);
        long myBefore = bank.myBalance(2);
        bank.tm.begin();
        bank.moveToMariaDb(1, 2, 100);
        for (PactumDataSource ds : new PactumDataSource[] {bank.pg, bank.my}) {
            try (Connection c = ds.getConnection()) {
                assertThatThrownBy(() -> action.accept(c)).isInstanceOf(SQLException.class)
                        .hasMessageContaining(call + " is not allowed on a connection of data source " + ds.name())
                        .hasMessageContaining("enlisted in transaction " + bank.tm.getTransaction().globalId());
            }
        }
        bank.tm.commit();
        assertThat(bank.pgBalance(1)).isEqualTo(pgBefore - 100);
        assertThat(bank.myBalance(2)).isEqualTo(myBefore + 100);
    }

    @Test
    void commitIsRefused() throws Exception {
        assertRefused("commit()", Connection::commit);
    }

    @Test
    void rollbackIsRefused() throws Exception {
        assertRefused("rollback()", Connection::rollback);
    }

    @Test
    void autoCommitIsRefused() throws Exception {
        assertRefused("setAutoCommit(true)", c -> c.setAutoCommit(true));
    }

    @Test
    void savepointsAreRefused() throws Exception {
        assertRefused("setSavepoint()", Connection::setSavepoint);
        assertRefused("setSavepoint(String)", c -> c.setSavepoint("s1"));
        assertRefused("rollback(Savepoint)", c -> c.rollback(SOME_SAVEPOINT));
        assertRefused("releaseSavepoint(Savepoint)", c -> c.releaseSavepoint(SOME_SAVEPOINT));
    }

    @Test
    void anEnlistedConnectionIsNotAutoCommit() throws Exception {
        bank.tm.begin();
        try (Connection c = bank.pg.getConnection()) {
            assertThat(c.getAutoCommit()).isFalse();
            c.setAutoCommit(false); // what it already is: fine
        }
        bank.tm.rollback();
    }

    @Test
    void outsideATransactionAConnectionAutoCommits() throws Exception {
        bank.add(bank.pg, 1, -100);
        bank.add(bank.my, 2, 100);

        assertThat(bank.pgBalance(1)).isEqualTo(Bank.OPENING_BALANCE - 100);
        assertThat(bank.myBalance(2)).isEqualTo(Bank.OPENING_BALANCE + 100);
    }

    @Test
    void outsideATransactionLocalTransactionsWorkAndAutoCommitComesBack() throws Exception {
        try (Connection c = bank.pg.getConnection()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.executeUpdate("UPDATE " + bank.table + " SET balance = 0 WHERE id = 1");
            }
            c.rollback();
        }
        try (Connection c = bank.pg.getConnection()) {
            assertThat(c.getAutoCommit()).isTrue();
        }
        assertThat(bank.pgBalance(1)).isEqualTo(Bank.OPENING_BALANCE);
    }

    /** Work on it would escape the transaction: Agroal refuses such "deferred enlistment". */
    @Test
    void aConnectionTakenBeforeTheTransactionCannotWorkInsideIt() throws Exception {
        try (Connection c = bank.pg.getConnection()) {
            bank.tm.begin();
            assertThatThrownBy(c::createStatement).isInstanceOf(SQLException.class)
                    .hasMessageContaining("enlistment");
            bank.tm.rollback();
        }
    }
}
