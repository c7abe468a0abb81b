package io.pactum.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.ScriptedResource.Call;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnlistFailureTest {
    private final Scenario s = new Scenario();

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void aStartThatMarksTheBranchRollbackOnlyMarksTheTransactionAndSaysSo() throws Exception {
        ScriptedResource a = s.resource("A").fail(Call.START, XAException.XA_RBDEADLOCK);
        s.tm.begin();
        assertThatThrownBy(() -> s.tm.getTransaction().enlistResource(a))
                .isInstanceOf(RollbackException.class)
                .hasMessageContaining("XA_RBDEADLOCK")
                .hasCauseInstanceOf(XAException.class);
        assertThat(s.tm.getStatus()).isEqualTo(Status.STATUS_MARKED_ROLLBACK);
        s.tm.rollback();
    }

    @Test
    void aStartThatFailsOtherwiseIsASystemErrorAndTheTransactionGoesOn() throws Exception {
        ScriptedResource a = s.resource("A").fail(Call.START, XAException.XAER_RMFAIL);
        ScriptedResource b = s.resource("B");
        s.tm.begin();
        assertThatThrownBy(() -> s.tm.getTransaction().enlistResource(a)).isInstanceOf(SystemException.class);
        s.tm.getTransaction().enlistResource(b);
        s.tm.commit();
        assertThat(b.outcome()).isEqualTo(ScriptedResource.Outcome.COMMITTED);
    }

    @Test
    void aTransactionBegunInAfterCompletionStaysWithTheThread() throws Exception {
        s.tm.begin();
        s.tm.getTransaction().registerSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                try {
                    s.tm.begin();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        });
        PactumTransaction first = s.tm.getTransaction();
        s.tm.commit();
        assertThat(s.tm.getTransaction()).isNotNull().isNotEqualTo(first);
        s.tm.rollback();
    }
}
