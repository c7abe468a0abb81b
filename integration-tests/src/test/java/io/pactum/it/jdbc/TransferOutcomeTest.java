package io.pactum.it.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.testing.Await;
import io.pactum.tx.PactumTransaction;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A transfer from a PostgreSQL account to a MariaDB account commits on both databases or on neither. */
class TransferOutcomeTest {
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
            assertThat(bank.tm.inFlightCount()).isZero();
            assertThat(bank.pg.enlistedConnections()).isZero();
            assertThat(bank.my.enlistedConnections()).isZero();
        } finally {
            bank.close();
        }
    }

    private void assertUnchanged() throws SQLException {
        assertThat(bank.pgBalance(1)).isEqualTo(Bank.OPENING_BALANCE);
        assertThat(bank.myBalance(2)).isEqualTo(Bank.OPENING_BALANCE);
    }

    @Test
    void commitMovesTheMoneyOnBoth() throws Exception {
        bank.tm.begin();
        bank.moveToMariaDb(1, 2, 100);
        bank.tm.commit();

        assertThat(bank.pgBalance(1)).isEqualTo(Bank.OPENING_BALANCE - 100);
        assertThat(bank.myBalance(2)).isEqualTo(Bank.OPENING_BALANCE + 100);
    }

    @Test
    void rollbackLeavesBothUnchanged() throws Exception {
        bank.tm.begin();
        bank.moveToMariaDb(1, 2, 100);
        bank.tm.rollback();

        assertUnchanged();
    }

    @Test
    void setRollbackOnlyLeavesBothUnchanged() throws Exception {
        bank.tm.begin();
        bank.moveToMariaDb(1, 2, 100);
        bank.tm.setRollbackOnly();

        assertThatThrownBy(bank.tm::commit).isInstanceOf(RollbackException.class)
                .hasMessageContaining("marked rollback-only");
        assertUnchanged();
    }

    @Test
    void anExceptionBetweenTheTwoUpdatesRollsBackTheFirst() throws Exception {
        bank.tm.begin();
        try {
            bank.add(bank.pg, 1, -100);
            bank.add(bank.my, 999, 100); // no such account: the application gives up
            bank.tm.commit();
        } catch (SQLException e) {
            bank.tm.rollback();
        }

        assertUnchanged();
        assertThat(bank.tm.getStatus()).isEqualTo(Status.STATUS_NO_TRANSACTION);
    }

    @Test
    void aTimeoutRollsBackBothAndRefusesFurtherWork() throws Exception {
        bank.tm.setTransactionTimeout(1);
        bank.tm.begin();
        PactumTransaction tx = bank.tm.getTransaction();
        bank.moveToMariaDb(1, 2, 100);
        Await.until("the reaper rolls the transaction back", tx::isTimedOut);

        assertThatThrownBy(() -> bank.add(bank.pg, 3, 1)).isInstanceOf(SQLException.class)
                .hasMessageContaining("timed out");
        assertThatThrownBy(bank.tm::commit).isInstanceOf(RollbackException.class).hasMessageContaining("timed out");
        assertUnchanged();
    }

    /**
     * Connector/J's XA END waits for the statement still running on its connection. While one
     * timed-out transaction's rollback waits for a 5 s statement on MariaDB, the reaper rolls back
     * another transaction that expired after it.
     */
    @Test
    void aRollbackWaitingForAStatementOnMariaDbDelaysNoOtherTimeout() throws Exception {
        AtomicReference<PactumTransaction> slow = new AtomicReference<>();
        CompletableFuture<Void> sleeper = CompletableFuture.runAsync(() -> {
            try {
                bank.tm.setTransactionTimeout(1);
                bank.tm.begin();
                slow.set(bank.tm.getTransaction());
                bank.add(bank.my, 2, 100);
                try (Connection c = bank.my.getConnection(); Statement st = c.createStatement()) {
                    st.execute("SELECT SLEEP(5)");
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                try {
                    bank.tm.rollback();
                } catch (Exception ignored) {
                    // the reaper rolled it back; the thread's association ends here either way
                }
            }
        });
        Await.until("the first transaction times out", () -> slow.get() != null && slow.get().isTimedOut());

        bank.tm.setTransactionTimeout(1);
        bank.tm.begin();
        PactumTransaction second = bank.tm.getTransaction();
        bank.add(bank.pg, 1, -100);
        Await.until("the reaper rolls back the second transaction", () -> second.getStatus() == Status.STATUS_ROLLEDBACK);
        assertThat(sleeper).as("the statement holding up the first rollback").isNotDone();
        assertThat(slow.get().getStatus()).isEqualTo(Status.STATUS_ROLLING_BACK);
        assertThatThrownBy(bank.tm::commit).isInstanceOf(RollbackException.class).hasMessageContaining("timed out");

        sleeper.get(30, TimeUnit.SECONDS);
        Await.until("the reaper rolls back the first transaction", () -> slow.get().getStatus() == Status.STATUS_ROLLEDBACK);
        assertUnchanged();
    }
}
