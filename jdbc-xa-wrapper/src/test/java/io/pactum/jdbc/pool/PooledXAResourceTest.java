package io.pactum.jdbc.pool;

import static javax.transaction.xa.XAResource.TMFAIL;
import static javax.transaction.xa.XAResource.TMNOFLAGS;
import static javax.transaction.xa.XAResource.TMRESUME;
import static javax.transaction.xa.XAResource.TMSUCCESS;
import static javax.transaction.xa.XAResource.TMSUSPEND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.jdbc.dialect.MySqlDialect;
import io.pactum.jdbc.dialect.PostgresDialect;
import io.pactum.xid.NodeId;
import io.pactum.xid.PactumXid;
import io.pactum.xid.XidFactory;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/** One pooled connection's branch: Agroal's callbacks in order, errors translated, and a failed connection destroyed. */
class PooledXAResourceTest {
    private final List<String> events = new ArrayList<>();
    private final FakeConnection connection = new FakeConnection(events);
    private final FakeDriverResource driver = new FakeDriverResource(events);
    private final PooledXAResource branch = new PooledXAResource(driver, connection, "orders", new PostgresDialect());
    private final PactumXid xid = new PactumXid(new XidFactory(new NodeId("n1")).newGlobalId(), 1);

    private static XAException xa(int code, Throwable cause) {
        XAException e = new XAException("driver failure " + code);
        e.errorCode = code;
        e.initCause(cause);
        return e;
    }

    /** pgjdbc refuses setAutoCommit once its branch is active: the connection leaves auto-commit first. */
    @Test
    void theConnectionLeavesAutoCommitBeforeTheBranchStarts() throws XAException {
        branch.start(xid, TMNOFLAGS);

        assertThat(events).containsExactly("connection.start", "driver.start(" + TMNOFLAGS + ")");
    }

    /** MySQL and MariaDB keep the switch on the client during the branch: it must come after the start. */
    @Test
    void onMySqlTheConnectionLeavesAutoCommitOnceTheBranchHasStarted() throws XAException {
        PooledXAResource mysql = new PooledXAResource(driver, connection, "orders", new MySqlDialect());

        mysql.start(xid, TMNOFLAGS);

        assertThat(events).containsExactly("driver.start(" + TMNOFLAGS + ")", "connection.start");
    }

    @Test
    void endingTheBranchClosesTheHandlesTheApplicationLeftOpen() throws XAException {
        branch.end(xid, TMSUCCESS);
        branch.end(xid, TMFAIL);

        assertThat(events).containsExactly(
                "connection.beforeCompletion(true)", "driver.end(" + TMSUCCESS + ")",
                "connection.beforeCompletion(false)", "driver.end(" + TMFAIL + ")");
    }

    /** The connection stays with its branch; PostgreSQL has no suspend or resume anyway. */
    @Test
    void suspendAndResumeNeverReachTheDriver() throws XAException {
        branch.end(xid, TMSUSPEND);
        branch.start(xid, TMRESUME);

        assertThat(events).isEmpty();
    }

    @Test
    void aConnectionThatSawAnXaErrorIsDestroyedNotPooled() throws XAException {
        branch.start(xid, TMNOFLAGS);
        driver.failNext("prepare", xa(XAException.XA_RBINTEGRITY, new SQLException("duplicate key", "23505")));

        assertThatThrownBy(() -> branch.prepare(xid)).isInstanceOfSatisfying(XAException.class,
                e -> assertThat(e.errorCode).isEqualTo(XAException.XA_RBINTEGRITY));
        assertThat(events).endsWith("driver.prepare", "connection.flushOnly");
        assertThat(branch.isBroken()).isTrue();
    }

    @Test
    void aLostConnectionIsReportedAsRmFail() {
        driver.failNext("commit", xa(XAException.XAER_RMERR, new SQLException("terminating connection", "57P01")));

        assertThatThrownBy(() -> branch.commit(xid, false)).isInstanceOfSatisfying(XAException.class,
                e -> assertThat(e.errorCode).isEqualTo(XAException.XAER_RMFAIL));
        assertThat(events).containsExactly("driver.commit(2pc)", "connection.flushOnly");
    }

    @Test
    void aDriversRuntimeExceptionIsAnRmFailToo() {
        driver.failNext("rollback", new IllegalStateException("driver bug"));

        assertThatThrownBy(() -> branch.rollback(xid)).isInstanceOfSatisfying(XAException.class, e -> {
            assertThat(e.errorCode).isEqualTo(XAException.XAER_RMFAIL);
            assertThat(e.getCause()).hasMessage("driver bug");
        });
        assertThat(branch.isBroken()).isTrue();
    }

    @Test
    void failingToLeaveAutoCommitFailsTheStartWithoutReachingTheDriver() {
        connection.startFailure = new SQLException("I/O error", "08006");

        assertThatThrownBy(() -> branch.start(xid, TMNOFLAGS)).isInstanceOfSatisfying(XAException.class,
                e -> assertThat(e.errorCode).isEqualTo(XAException.XAER_RMFAIL));
        assertThat(events).containsExactly("connection.start", "connection.flushOnly");
        assertThat(branch.touchedConnection()).isTrue();
    }

    @Test
    void successfulCallsKeepTheConnection() throws XAException {
        branch.start(xid, TMNOFLAGS);
        branch.end(xid, TMSUCCESS);
        branch.prepare(xid);
        branch.commit(xid, false);

        assertThat(events).doesNotContain("connection.flushOnly");
        assertThat(branch.isBroken()).isFalse();
        assertThat(branch.touchedConnection()).isTrue();
    }

    /** Never joined: a branch belongs to its one physical connection, whatever isSameRM says. */
    @Test
    void isNamedAndNeverJoined() {
        PooledXAResource mysql = new PooledXAResource(driver, connection, "payments", new MySqlDialect());

        assertThat(mysql.resourceName()).isEqualTo("payments");
        assertThat(mysql.joinAllowed()).isFalse();
        assertThat(mysql.isSameRM(branch)).isFalse();
        assertThat(mysql.isSameRM(mysql)).isTrue();
    }
}
