package io.pactum.it.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.it.Databases;
import io.pactum.jdbc.PactumDataSource;
import jakarta.transaction.RollbackException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A non-XA data source (plain PostgreSQL connections) joins a transaction with an XA one
 * (MariaDB) as its last resource: committed in one phase after MariaDB prepared and the decision
 * is logged; if it refuses, MariaDB rolls back. A second non-XA data source is refused.
 */
class LastResourceTransferTest {
    @TempDir
    Path log;
    private Bank bank;
    private PactumDataSource local;

    @BeforeEach
    void open() throws Exception {
        bank = new Bank(log);
        local = PactumDataSource.builder(bank.tm).name("pg-local").dataSource(Databases.postgres()).build();
    }

    @AfterEach
    void close() throws Exception {
        try {
            assertThat(bank.inDoubt()).as("prepared branches left behind").isEmpty();
            assertThat(local.enlistedConnections()).isZero();
        } finally {
            local.close();
            bank.close();
        }
    }

    @Test
    void commitsWithTheXaBranch() throws Exception {
        bank.tm.begin();
        bank.add(local, 1, -100);
        bank.add(bank.my, 2, 100);
        bank.tm.commit();

        assertThat(bank.pgBalance(1)).isEqualTo(Bank.OPENING_BALANCE - 100);
        assertThat(bank.myBalance(2)).isEqualTo(Bank.OPENING_BALANCE + 100);
    }

    /** The deferred unique constraint fails PostgreSQL's local COMMIT, after MariaDB prepared. */
    @Test
    void itsRefusalToCommitRollsBackThePreparedXaBranch() throws Exception {
        bank.tm.begin();
        bank.reference(local, "transfer-1");
        bank.tm.commit();

        bank.tm.begin();
        bank.add(bank.my, 2, 100);
        bank.add(local, 1, -100);
        bank.reference(local, "transfer-1");
        assertThatThrownBy(bank.tm::commit).isInstanceOf(RollbackException.class)
                .hasMessageContaining("last resource pg-local refused to commit");

        assertThat(bank.pgBalance(1)).isEqualTo(Bank.OPENING_BALANCE);
        assertThat(bank.myBalance(2)).isEqualTo(Bank.OPENING_BALANCE);
        assertThat(bank.references()).isEqualTo(1);
    }

    @Test
    void rollsBackWithTheTransaction() throws Exception {
        bank.tm.begin();
        bank.add(local, 1, -100);
        bank.add(bank.my, 2, 100);
        bank.tm.rollback();

        assertThat(bank.pgBalance(1)).isEqualTo(Bank.OPENING_BALANCE);
        assertThat(bank.myBalance(2)).isEqualTo(Bank.OPENING_BALANCE);
    }

    @Test
    void aSecondNonXaDataSourceIsRefusedNamingBoth() throws Exception {
        try (PactumDataSource other = PactumDataSource.builder(bank.tm).name("my-local")
                .dataSource(Databases.mysql()).build()) {
            bank.tm.begin();
            bank.add(local, 1, -100);
            assertThatThrownBy(() -> bank.add(other, 2, 100)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("data source my-local cannot join")
                    .hasMessageContaining("data source pg-local is already the transaction's last resource")
                    .hasMessageContaining("allowOtherLastResources(true)");
            bank.tm.rollback();
            assertThat(other.enlistedConnections()).isZero();
        }
        assertThat(bank.pgBalance(1)).isEqualTo(Bank.OPENING_BALANCE);
    }

    @Test
    void twoThatBothAllowItShareATransaction() throws Exception {
        try (PactumDataSource first = PactumDataSource.builder(bank.tm).name("pg-local-2")
                .dataSource(Databases.postgres()).allowOtherLastResources(true).build();
             PactumDataSource second = PactumDataSource.builder(bank.tm).name("my-local")
                .dataSource(Databases.mysql()).allowOtherLastResources(true).build()) {
            bank.tm.begin();
            bank.add(first, 1, -100);
            bank.add(second, 2, 100);
            bank.tm.commit();
        }
        assertThat(bank.pgBalance(1)).isEqualTo(Bank.OPENING_BALANCE - 100);
        assertThat(bank.myBalance(2)).isEqualTo(Bank.OPENING_BALANCE + 100);
    }
}
