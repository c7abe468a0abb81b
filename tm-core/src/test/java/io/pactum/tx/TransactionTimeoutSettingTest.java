package io.pactum.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedResource;
import jakarta.transaction.SystemException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** setTransactionTimeout: per thread, for the next begin; 0 is the default; the maximum is enforced. */
class TransactionTimeoutSettingTest {
    private final Scenario s = new Scenario(b -> b.defaultTimeout(Duration.ofSeconds(30))
            .maxTimeout(Duration.ofSeconds(120)));

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void withoutASettingTheDefaultApplies() throws Exception {
        assertThat(s.tm.getTransactionTimeout()).isEqualTo(30);
        s.tm.begin();
        assertThat(s.tm.getTransaction().timeoutSeconds()).isEqualTo(30);
    }

    @Test
    void theNextTransactionAndItsResourcesGetTheTimeout() throws Exception {
        s.tm.setTransactionTimeout(45);
        s.tm.begin();
        ScriptedResource a = s.resource("A");
        s.tm.getTransaction().enlistResource(a);
        assertThat(s.tm.getTransaction().timeoutSeconds()).isEqualTo(45);
        assertThat(a.timeoutSeconds()).isEqualTo(45);
    }

    @Test
    void aTransactionKeepsTheTimeoutItBeganWith() throws Exception {
        s.tm.setTransactionTimeout(45);
        s.tm.begin();
        s.tm.setTransactionTimeout(50);
        assertThat(s.tm.getTransaction().timeoutSeconds()).isEqualTo(45);
        s.tm.commit();
        s.tm.begin();
        assertThat(s.tm.getTransaction().timeoutSeconds()).isEqualTo(50);
    }

    @Test
    void zeroMeansTheDefault() throws Exception {
        s.tm.setTransactionTimeout(45);
        s.tm.setTransactionTimeout(0);
        assertThat(s.tm.getTransactionTimeout()).isEqualTo(30);
        s.tm.begin();
        assertThat(s.tm.getTransaction().timeoutSeconds()).isEqualTo(30);
    }

    @Test
    void aNegativeTimeoutThrowsSystemExceptionAndChangesNothing() throws Exception {
        s.tm.setTransactionTimeout(45);
        assertThatThrownBy(() -> s.tm.setTransactionTimeout(-1)).isInstanceOf(SystemException.class)
                .hasMessageContaining("negative");
        assertThat(s.tm.getTransactionTimeout()).isEqualTo(45);
    }

    @Test
    void aTimeoutAboveTheMaximumThrowsSystemExceptionAndChangesNothing() throws Exception {
        assertThatThrownBy(() -> s.tm.setTransactionTimeout(121)).isInstanceOf(SystemException.class)
                .hasMessageContaining("maxTimeout");
        assertThat(s.tm.getTransactionTimeout()).isEqualTo(30);
        s.tm.setTransactionTimeout(120);
        assertThat(s.tm.getTransactionTimeout()).isEqualTo(120);
    }

    @Test
    void theSettingBelongsToTheThread() throws Exception {
        s.tm.setTransactionTimeout(45);
        int elsewhere = CompletableFuture.supplyAsync(s.tm::getTransactionTimeout).get();
        assertThat(elsewhere).isEqualTo(30);
    }
}
