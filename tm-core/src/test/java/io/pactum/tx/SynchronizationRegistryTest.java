package io.pactum.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.testing.Scenario;
import jakarta.transaction.Status;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry frameworks use: everything is about the current thread's transaction. */
class SynchronizationRegistryTest {
    private final Scenario s = new Scenario();
    private final TransactionSynchronizationRegistry tsr = s.tm.synchronizationRegistry();

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void withoutATransactionThereIsNoKeyAndNoStatus() {
        assertThat(tsr.getTransactionKey()).isNull();
        assertThat(tsr.getTransactionStatus()).isEqualTo(Status.STATUS_NO_TRANSACTION);
    }

    @Test
    void withoutATransactionEverythingElseIsAnIllegalState() {
        assertThatThrownBy(() -> tsr.putResource("k", "v")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> tsr.getResource("k")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(tsr::setRollbackOnly).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(tsr::getRollbackOnly).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> tsr.registerInterposedSynchronization(Syncs.afterCompletion(x -> { })))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theKeyIsStableForOneTransactionAndDiffersForTheNext() throws Exception {
        s.tm.begin();
        Object key = tsr.getTransactionKey();
        assertThat(key).isEqualTo(tsr.getTransactionKey()).isEqualTo(s.tm.getTransaction().globalId());
        s.tm.commit();
        s.tm.begin();
        assertThat(tsr.getTransactionKey()).isNotEqualTo(key);
    }

    @Test
    void resourcesBelongToTheirTransaction() throws Exception {
        s.tm.begin();
        tsr.putResource("entityManager", "first");
        assertThat(tsr.getResource("entityManager")).isEqualTo("first");
        assertThat(tsr.getResource("other")).isNull();
        Transaction first = s.tm.suspend();

        s.tm.begin();
        assertThat(tsr.getResource("entityManager")).isNull();
        tsr.putResource("entityManager", "second");
        s.tm.rollback();

        s.tm.resume(first);
        assertThat(tsr.getResource("entityManager")).isEqualTo("first");
    }

    @Test
    void putResourceReplaces() throws Exception {
        s.tm.begin();
        tsr.putResource("k", "v1");
        tsr.putResource("k", "v2");
        assertThat(tsr.getResource("k")).isEqualTo("v2");
    }

    @Test
    void aNullKeyIsRefused() throws Exception {
        s.tm.begin();
        assertThatThrownBy(() -> tsr.putResource(null, "v")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> tsr.getResource(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void setRollbackOnlyMarksTheCurrentTransaction() throws Exception {
        s.tm.begin();
        assertThat(tsr.getRollbackOnly()).isFalse();
        tsr.setRollbackOnly();
        assertThat(tsr.getRollbackOnly()).isTrue();
        assertThat(tsr.getTransactionStatus()).isEqualTo(Status.STATUS_MARKED_ROLLBACK);
        assertThat(s.tm.getStatus()).isEqualTo(Status.STATUS_MARKED_ROLLBACK);
    }

    @Test
    void getRollbackOnlySeesAMarkMadeThroughTheManager() throws Exception {
        s.tm.begin();
        s.tm.setRollbackOnly();
        assertThat(tsr.getRollbackOnly()).isTrue();
    }

    @Test
    void theStatusFollowsTheTransaction() throws Exception {
        s.tm.begin();
        assertThat(tsr.getTransactionStatus()).isEqualTo(Status.STATUS_ACTIVE);
        AtomicInteger inAfterCompletion = new AtomicInteger(-1);
        tsr.registerInterposedSynchronization(Syncs.afterCompletion(
                status -> inAfterCompletion.set(tsr.getTransactionStatus())));
        s.tm.commit();
        assertThat(inAfterCompletion.get()).isEqualTo(Status.STATUS_COMMITTED);
        assertThat(tsr.getTransactionStatus()).isEqualTo(Status.STATUS_NO_TRANSACTION);
    }
}
