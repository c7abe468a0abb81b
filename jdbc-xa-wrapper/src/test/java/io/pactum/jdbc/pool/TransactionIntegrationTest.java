package io.pactum.jdbc.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.Pactum;
import io.pactum.jdbc.dialect.PostgresDialect;
import io.pactum.recovery.RecoverableResource;
import io.pactum.testing.Await;
import io.pactum.tx.PactumTransaction;
import io.pactum.tx.PactumTransactionManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the pool and the transaction manager cooperate, with a fake pooled connection and driver:
 * one enlistment per transaction and data source, the connection back to the pool only after
 * completion, and nothing half-done when an enlistment fails.
 */
class TransactionIntegrationTest {
    private final PactumTransactionManager tm = Pactum.builder().inMemoryLog().reaperInterval(Duration.ofMillis(10))
            .build();
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final FakeConnection connection = new FakeConnection(events);
    private final FakeDriverResource driver = new FakeDriverResource(events);
    private final PactumTransactionIntegration orders = xa("orders");

    @AfterEach
    void close() {
        tm.close();
    }

    private PactumTransactionIntegration xa(String name) {
        return new PactumTransactionIntegration(tm, name, new PostgresDialect(), RecoverableResource.of(name, driver),
                false);
    }

    private PactumTransactionIntegration nonXa(String name, boolean allowOthers) {
        return new PactumTransactionIntegration(tm, name, new PostgresDialect(), null, allowOthers);
    }

    private List<String> events() {
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }

    @Test
    void outsideATransactionNothingIsEnlistedAndLaterUseInsideOneIsCaught() throws Exception {
        assertThat(orders.getTransactionAware()).isNull();
        orders.associate(connection, driver);

        assertThat(events()).isEmpty();
        assertThat(connection.check.call()).as("a transaction is running").isFalse();
        tm.begin();
        assertThat(connection.check.call()).as("a transaction is running").isTrue();
        tm.rollback();
    }

    @Test
    void theFirstConnectionOfATransactionIsEnlistedAndEveryLaterOneIsTheSame() throws Exception {
        tm.begin();
        PactumTransaction tx = tm.getTransaction();
        assertThat(orders.getTransactionAware()).isNull();
        orders.associate(connection, driver);
        assertThat(orders.getTransactionAware()).isSameAs(connection);
        orders.associate(connection, driver);

        assertThat(tx.branches()).hasSize(1);
        assertThat(events()).containsExactly("driver.setTransactionTimeout", "connection.start", "driver.start(0)");
        assertThat(orders.disassociate(connection)).as("may go back to the pool").isFalse();
        assertThat(orders.enlistedCount()).isEqualTo(1);
        tm.commit();

        assertThat(events()).endsWith("connection.beforeCompletion(true)", "driver.end(" + 0x04000000 + ")",
                "driver.commit(1pc)", "connection.end");
        assertThat(orders.disassociate(connection)).isTrue();
        assertThat(orders.enlistedCount()).isZero();
    }

    @Test
    void aRollbackOnlyTransactionGetsNoNewConnectionAndTheConnectionIsUntouched() throws Exception {
        tm.begin();
        tm.setRollbackOnly();

        assertThatThrownBy(() -> orders.associate(connection, driver)).isInstanceOf(SQLException.class)
                .hasMessageContaining("data source orders could not join transaction");
        assertThat(events()).isEmpty();
        assertThat(orders.getTransactionAware()).isNull();
        tm.rollback();
    }

    @Test
    void aConnectionWhoseBranchFailedToStartIsDestroyed() throws Exception {
        driver.failNext("start", new XAException(XAException.XAER_RMERR));
        tm.begin();

        assertThatThrownBy(() -> orders.associate(connection, driver)).isInstanceOf(SQLException.class)
                .hasMessageContaining("could not join");
        assertThat(events()).startsWith("driver.setTransactionTimeout", "connection.start", "driver.start(0)")
                .endsWith("connection.flushOnly", "connection.end");
        assertThat(tm.getTransaction().branches()).isEmpty();
        assertThat(orders.getTransactionAware()).isNull();
        assertThat(orders.enlistedCount()).isZero();
        int before = events().size();
        tm.rollback();
        assertThat(events()).hasSize(before);
    }

    /** The reaper rolled it back; its owner may still hold the connection, so it is not pooled again. */
    @Test
    void aTimedOutTransactionsConnectionIsDestroyedAndTheTransactionGetsNoOther() throws Exception {
        tm.setTransactionTimeout(1);
        tm.begin();
        PactumTransaction tx = tm.getTransaction();
        orders.associate(connection, driver);
        Await.until("the reaper returns the connection", () -> events().contains("connection.end"));

        assertThat(tx.isTimedOut()).isTrue();
        assertThat(events()).endsWith("connection.flushOnly", "connection.end");
        assertThatThrownBy(orders::getTransactionAware).isInstanceOf(SQLException.class)
                .hasMessageContaining("timed out after 1 s and was rolled back")
                .hasMessageContaining("data source orders gives it no connection");
        tm.rollback();
    }

    @Test
    void aSecondNonXaDataSourceIsRefusedNamingBoth() throws Exception {
        PactumTransactionIntegration audit = nonXa("audit", false);
        PactumTransactionIntegration ledger = nonXa("ledger", false);
        FakeConnection other = new FakeConnection(new ArrayList<>());
        tm.begin();
        audit.associate(connection, null);

        assertThatThrownBy(() -> ledger.associate(other, null)).isInstanceOf(SQLException.class)
                .hasMessageContaining("data source ledger cannot join")
                .hasMessageContaining("data source audit is already the transaction's last resource");
        assertThat(tm.getTransaction().branches()).hasSize(1);
        tm.rollback();
        assertThat(events()).containsExactly("connection.start", "connection.beforeCompletion(false)",
                "connection.rollback", "connection.end");
    }

    @Test
    void twoNonXaDataSourcesJoinOnlyWhenBothAllowIt() throws Exception {
        FakeConnection other = new FakeConnection(new ArrayList<>());
        tm.begin();
        nonXa("audit", false).associate(connection, null);
        assertThatThrownBy(() -> nonXa("ledger", true).associate(other, null)).isInstanceOf(SQLException.class);
        tm.rollback();

        tm.begin();
        nonXa("audit", true).associate(connection, null);
        nonXa("ledger", true).associate(other, null);
        assertThat(tm.getTransaction().branches()).hasSize(2);
        tm.rollback();
    }

    @Test
    void registersForRecoveryWhileItsPoolRuns() {
        orders.addResourceRecoveryFactory(null);
        PactumTransactionIntegration twin = xa("orders");
        twin.addResourceRecoveryFactory(null);

        assertThat(orders.isRegisteredForRecovery()).isTrue();
        assertThatThrownBy(twin::checkRegistered).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orders");
        twin.removeResourceRecoveryFactory(null); // never registered: removes nothing
        orders.removeResourceRecoveryFactory(null);

        PactumTransactionIntegration successor = xa("orders");
        successor.addResourceRecoveryFactory(null);
        successor.checkRegistered();
        assertThat(successor.isRegisteredForRecovery()).isTrue();
    }

    @Test
    void aNonXaDataSourceDoesNotRegister() {
        PactumTransactionIntegration audit = nonXa("audit", false);
        audit.addResourceRecoveryFactory(null);

        assertThat(audit.isRegisteredForRecovery()).isFalse();
    }
}
