package io.pactum.jdbc.pool;

import static javax.transaction.xa.XAResource.TMNOFLAGS;
import static javax.transaction.xa.XAResource.TMSUCCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.jdbc.dialect.PostgresDialect;
import io.pactum.xa.LastResource;
import io.pactum.xid.NodeId;
import io.pactum.xid.PactumXid;
import io.pactum.xid.XidFactory;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/** A non-XA connection's local transaction, as the transaction manager's last resource. */
class LastResourceConnectionTest {
    private final List<String> events = new ArrayList<>();
    private final FakeConnection connection = new FakeConnection(events);
    private final LastResourceConnection last = new LastResourceConnection(connection, "audit", new PostgresDialect(),
            false);
    private final PactumXid xid = new PactumXid(new XidFactory(new NodeId("n1")).newGlobalId(), 1);

    @Test
    void isALastResourceThatIsNeverJoinedAndHasNothingToRecover() {
        assertThat(last).isInstanceOf(LastResource.class);
        assertThat(last.resourceName()).isEqualTo("audit");
        assertThat(last.joinAllowed()).isFalse();
        assertThat(last.recover(0)).isEmpty();
    }

    @Test
    void runsOneLocalTransaction() throws XAException {
        last.start(xid, TMNOFLAGS);
        last.end(xid, TMSUCCESS);
        last.commit(xid, true);

        assertThat(events).containsExactly("connection.start", "connection.beforeCompletion(true)",
                "connection.commit");
    }

    /** Pactum never asks; a transaction manager that did would break the last resource's guarantee. */
    @Test
    void refusesToPrepare() {
        assertThatThrownBy(() -> last.prepare(xid)).isInstanceOfSatisfying(XAException.class, e -> {
            assertThat(e.errorCode).isEqualTo(XAException.XAER_PROTO);
            assertThat(e).hasMessageContaining("audit is not XA and cannot prepare");
        });
    }

    @Test
    void aRefusedCommitRolledTheWorkBack() {
        connection.commitFailure = new SQLException("duplicate key", "23505");

        assertThatThrownBy(() -> last.commit(xid, true)).isInstanceOfSatisfying(XAException.class,
                e -> assertThat(e.errorCode).isEqualTo(XAException.XA_RBROLLBACK));
        assertThat(events).containsExactly("connection.commit", "connection.flushOnly");
    }

    /** The commit may or may not have happened: the transaction manager reports a hazard. */
    @Test
    void aCommitThatLostItsConnectionHasAnUnknownOutcome() {
        connection.commitFailure = new SQLException("I/O error", "08006");

        assertThatThrownBy(() -> last.commit(xid, true)).isInstanceOfSatisfying(XAException.class,
                e -> assertThat(e.errorCode).isEqualTo(XAException.XAER_RMFAIL));
    }

    @Test
    void rollsBackLocallyAndDestroysAConnectionThatCannot() throws XAException {
        last.rollback(xid);
        connection.rollbackFailure = new SQLException("I/O error", "08006");

        assertThatThrownBy(() -> last.rollback(xid)).isInstanceOfSatisfying(XAException.class,
                e -> assertThat(e.errorCode).isEqualTo(XAException.XAER_RMFAIL));
        assertThat(events).containsExactly("connection.rollback", "connection.rollback", "connection.flushOnly");
    }
}
