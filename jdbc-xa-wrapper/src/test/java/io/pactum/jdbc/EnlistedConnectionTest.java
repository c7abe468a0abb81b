package io.pactum.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guard on a handle of an enlisted connection: refused calls never reach the driver. */
class EnlistedConnectionTest {
    private final List<String> reached = new ArrayList<>();
    private final Connection driver = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                reached.add(method.getName() + (args == null ? "()" : "(" + args[0] + ")"));
                return method.getReturnType() == boolean.class ? Boolean.FALSE : null;
            });
    private final Connection handle = new EnlistedConnection(driver, "orders", "node-1:42:7");

    @Test
    void commitAndRollbackAreRefusedSayingWhatToDoInstead() {
        assertThatThrownBy(handle::commit).isInstanceOf(SQLException.class)
                .hasMessageContaining("commit() is not allowed on a connection of data source orders")
                .hasMessageContaining("enlisted in transaction node-1:42:7")
                .hasMessageContaining("TransactionManager or UserTransaction")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25000"));
        assertThatThrownBy(handle::rollback).isInstanceOf(SQLException.class)
                .hasMessageContaining("rollback() is not allowed")
                .hasMessageContaining("setRollbackOnly()");
        assertThat(reached).isEmpty();
    }

    @Test
    void autoCommitIsRefusedButStayingInTheTransactionIsFine() throws SQLException {
        assertThatThrownBy(() -> handle.setAutoCommit(true)).isInstanceOf(SQLException.class)
                .hasMessageContaining("setAutoCommit(true) is not allowed");
        handle.setAutoCommit(false);

        assertThat(reached).containsExactly("setAutoCommit(false)");
    }

    @Test
    void savepointsAreRefused() {
        assertThatThrownBy(handle::setSavepoint).hasMessageContaining("setSavepoint() is not allowed")
                .hasMessageContaining("Savepoints are not supported inside a distributed transaction");
        assertThatThrownBy(() -> handle.setSavepoint("s")).hasMessageContaining("setSavepoint(String)");
        assertThatThrownBy(() -> handle.rollback(null)).hasMessageContaining("rollback(Savepoint)");
        assertThatThrownBy(() -> handle.releaseSavepoint(null)).hasMessageContaining("releaseSavepoint(Savepoint)");
        assertThat(reached).isEmpty();
    }

    @Test
    void everythingElseReachesTheConnection() throws SQLException {
        handle.createStatement();
        handle.prepareStatement("select 1");
        handle.getAutoCommit();
        handle.close();

        assertThat(reached).containsExactly("createStatement()", "prepareStatement(select 1)", "getAutoCommit()",
                "close()");
    }

    @Test
    void unwrapsToItselfOrTheConnection() throws SQLException {
        assertThat(handle.isWrapperFor(Connection.class)).isTrue();
        assertThat(handle.unwrap(Connection.class)).isSameAs(handle);
    }
}
