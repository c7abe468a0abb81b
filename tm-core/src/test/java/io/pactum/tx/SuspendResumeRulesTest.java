package io.pactum.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.ScriptedResource.Outcome;
import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.Status;
import jakarta.transaction.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** suspend() detaches the thread (no end(TMSUSPEND)); resume() only takes back a live transaction of ours. */
class SuspendResumeRulesTest {
    private final Scenario s = new Scenario();

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void suspendWithoutTransactionReturnsNull() {
        assertThat(s.tm.suspend()).isNull();
    }

    @Test
    void suspendDetachesTheThreadAndResumeAttachesItAgain() throws Exception {
        ScriptedResource a = s.resource("A");
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.enlistResource(a);

        Transaction suspended = s.tm.suspend();
        assertThat(suspended).isSameAs(tx);
        assertThat(s.tm.getTransaction()).isNull();
        assertThat(s.tm.getStatus()).isEqualTo(Status.STATUS_NO_TRANSACTION);
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ACTIVE);

        s.tm.resume(suspended);
        assertThat(s.tm.getTransaction()).isSameAs(tx);
        s.tm.commit();
        assertThat(s.trace.events()).containsExactly("A.start(1,TMNOFLAGS)", "A.end(1,TMSUCCESS)", "A.commit(1,1pc)");
        assertThat(a.outcome()).isEqualTo(Outcome.COMMITTED);
    }

    @Test
    void aSuspendedTransactionLeavesRoomForAnother() throws Exception {
        s.tm.begin();
        Transaction first = s.tm.suspend();
        s.tm.begin();
        PactumTransaction second = s.tm.getTransaction();
        assertThat(second).isNotEqualTo(first);
        s.tm.commit();
        s.tm.resume(first);
        assertThat(s.tm.getTransaction()).isSameAs(first);
        s.tm.rollback();
        assertThat(first.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
        assertThat(second.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
    }

    @Test
    void resumeWhileAssociatedThrowsIllegalState() throws Exception {
        s.tm.begin();
        Transaction first = s.tm.suspend();
        s.tm.begin();
        PactumTransaction current = s.tm.getTransaction();
        assertThatThrownBy(() -> s.tm.resume(first)).isInstanceOf(IllegalStateException.class);
        assertThat(s.tm.getTransaction()).isSameAs(current);
    }

    @Test
    void resumingACommittedTransactionThrowsInvalidTransaction() throws Exception {
        s.tm.begin();
        Transaction tx = s.tm.suspend();
        tx.commit();
        assertThatThrownBy(() -> s.tm.resume(tx)).isInstanceOf(InvalidTransactionException.class);
        assertThat(s.tm.getTransaction()).isNull();
    }

    @Test
    void resumingARolledBackTransactionThrowsInvalidTransaction() throws Exception {
        s.tm.begin();
        Transaction tx = s.tm.suspend();
        tx.rollback();
        assertThatThrownBy(() -> s.tm.resume(tx)).isInstanceOf(InvalidTransactionException.class);
        assertThat(s.tm.getTransaction()).isNull();
    }

    @Test
    void resumingATransactionOfAnotherManagerThrowsInvalidTransaction() throws Exception {
        try (Scenario other = new Scenario()) {
            other.tm.begin();
            Transaction theirs = other.tm.suspend();
            assertThatThrownBy(() -> s.tm.resume(theirs)).isInstanceOf(InvalidTransactionException.class);
            assertThat(s.tm.getTransaction()).isNull();
            theirs.rollback();
        }
    }

    @Test
    void resumingAForeignTransactionThrowsInvalidTransaction() {
        assertThatThrownBy(() -> s.tm.resume(new ForeignTransaction()))
                .isInstanceOf(InvalidTransactionException.class);
        assertThat(s.tm.getTransaction()).isNull();
    }
}
