package io.pactum.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.ScriptedResource.Outcome;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The application's UserTransaction is the manager's current-thread API, nothing more. */
class UserTransactionTest {
    private final Scenario s = new Scenario();
    private final UserTransaction ut = s.tm.userTransaction();
    private final ScriptedResource a = s.resource("A");

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void beginAndCommitGoThroughTheManager() throws Exception {
        ut.begin();
        assertThat(s.tm.getTransaction()).isNotNull();
        assertThat(ut.getStatus()).isEqualTo(Status.STATUS_ACTIVE);
        s.tm.getTransaction().enlistResource(a);
        ut.commit();
        assertThat(a.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(ut.getStatus()).isEqualTo(Status.STATUS_NO_TRANSACTION);
        assertThat(s.tm.getTransaction()).isNull();
    }

    @Test
    void rollbackGoesThroughTheManager() throws Exception {
        ut.begin();
        s.tm.getTransaction().enlistResource(a);
        ut.rollback();
        assertThat(a.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(s.tm.getTransaction()).isNull();
    }

    @Test
    void setRollbackOnlyMarksTheManagersTransaction() throws Exception {
        ut.begin();
        ut.setRollbackOnly();
        assertThat(s.tm.getStatus()).isEqualTo(Status.STATUS_MARKED_ROLLBACK);
        assertThat(ut.getStatus()).isEqualTo(Status.STATUS_MARKED_ROLLBACK);
        assertThatThrownBy(ut::commit).isInstanceOf(RollbackException.class);
    }

    @Test
    void setTransactionTimeoutSetsTheManagersTimeout() throws Exception {
        ut.setTransactionTimeout(45);
        assertThat(s.tm.getTransactionTimeout()).isEqualTo(45);
        assertThatThrownBy(() -> ut.setTransactionTimeout(-1)).isInstanceOf(SystemException.class);
    }

    @Test
    void theManagersRulesApply() throws Exception {
        assertThatThrownBy(ut::commit).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(ut::rollback).isInstanceOf(IllegalStateException.class);
        ut.begin();
        assertThatThrownBy(ut::begin).isInstanceOf(NotSupportedException.class);
    }

    @Test
    void aTransactionBegunByTheManagerIsTheUserTransactions() throws Exception {
        s.tm.begin();
        assertThat(ut.getStatus()).isEqualTo(Status.STATUS_ACTIVE);
        ut.commit();
        assertThat(s.tm.getTransaction()).isNull();
    }
}
