package io.pactum.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.ScriptedResource.Call;
import io.pactum.testing.ScriptedResource.Outcome;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import java.util.concurrent.CompletableFuture;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which transaction a thread has: begin gives it one, commit and rollback always take it away. */
class ThreadAssociationTest {
    private final Scenario s = new Scenario();

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void beginGivesTheThreadATransaction() throws Exception {
        assertThat(s.tm.getTransaction()).isNull();
        s.tm.begin();
        assertThat(s.tm.getTransaction()).isNotNull();
        assertThat(s.tm.getStatus()).isEqualTo(Status.STATUS_ACTIVE);
        assertThat(s.tm.inFlightCount()).isEqualTo(1);
    }

    @Test
    void commitLeavesTheThreadWithoutTransaction() throws Exception {
        s.tm.begin();
        s.tm.commit();
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
    }

    @Test
    void rollbackLeavesTheThreadWithoutTransaction() throws Exception {
        s.tm.begin();
        s.tm.rollback();
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.inFlightCount()).isZero();
    }

    @Test
    void aCommitThatRollsBackLeavesTheThreadWithoutTransaction() throws Exception {
        s.tm.begin();
        s.tm.setRollbackOnly();
        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class);
        assertThat(s.tm.getTransaction()).isNull();
    }

    @Test
    void aHeuristicCommitLeavesTheThreadWithoutTransaction() throws Exception {
        ScriptedResource a = s.resource("A").fail(Call.COMMIT, XAException.XA_HEURMIX);
        s.tm.begin();
        s.tm.getTransaction().enlistResource(a);
        assertThatThrownBy(s.tm::commit).isInstanceOf(HeuristicMixedException.class);
        assertThat(s.tm.getTransaction()).isNull();
    }

    @Test
    void aRollbackThatThrowsLeavesTheThreadWithoutTransaction() throws Exception {
        ScriptedResource a = s.resource("A").fail(Call.ROLLBACK, XAException.XA_HEURCOM);
        s.tm.begin();
        s.tm.getTransaction().enlistResource(a);
        assertThatThrownBy(s.tm::rollback).isInstanceOf(SystemException.class);
        assertThat(s.tm.getTransaction()).isNull();
    }

    @Test
    void committingATransactionAnotherThreadFinishedThrowsAndLeavesTheThreadWithoutTransaction() throws Exception {
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.commit();
        assertThatThrownBy(s.tm::commit).isInstanceOf(IllegalStateException.class);
        assertThat(s.tm.getTransaction()).isNull();
    }

    @Test
    void nestedBeginThrowsNotSupportedAndKeepsTheOuterTransaction() throws Exception {
        s.tm.begin();
        PactumTransaction outer = s.tm.getTransaction();
        assertThatThrownBy(s.tm::begin).isInstanceOf(NotSupportedException.class);
        assertThat(s.tm.getTransaction()).isSameAs(outer);
        assertThat(s.tm.getStatus()).isEqualTo(Status.STATUS_ACTIVE);
        assertThat(s.tm.inFlightCount()).isEqualTo(1);
    }

    @Test
    void commitRollbackAndSetRollbackOnlyNeedATransaction() {
        assertThatThrownBy(s.tm::commit).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(s.tm::rollback).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(s.tm::setRollbackOnly).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherThreadMayCommitTheTransactionObject() throws Exception {
        ScriptedResource a = s.resource("A");
        ScriptedResource b = s.resource("B");
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.enlistResource(a);
        tx.enlistResource(b);

        CompletableFuture.runAsync(() -> {
            assertThat(s.tm.getTransaction()).isNull();
            try {
                tx.commit();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            assertThat(s.tm.getTransaction()).as("the committing thread gains no transaction").isNull();
        }).get();

        assertThat(a.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(b.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(s.tm.getTransaction()).isSameAs(tx);
        assertThat(s.tm.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
        s.tm.begin(); // a finished transaction does not count as nesting
        assertThat(s.tm.getTransaction()).isNotEqualTo(tx);
    }
}
