package io.pactum.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedResource;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** getStatus through the life of a transaction, as the manager, the transaction and synchronizations see it. */
class StatusLifecycleTest {
    private final Scenario s = new Scenario();
    private final List<String> seen = new ArrayList<>();

    @AfterEach
    void close() {
        s.close();
    }

    private void see(String when) {
        seen.add(when + ": " + Statuses.name(s.tm.getStatus()));
    }

    @Test
    void aCommittedTransaction() throws Exception {
        see("before begin");
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        see("after begin");
        tx.registerSynchronization(Syncs.of(() -> see("beforeCompletion"), status -> {
            see("afterCompletion");
            seen.add("afterCompletion(" + Statuses.name(status) + ")");
        }));
        s.tm.commit();
        see("after commit");

        assertThat(seen).containsExactly(
                "before begin: no transaction",
                "after begin: active",
                "beforeCompletion: active",
                "afterCompletion: committed",
                "afterCompletion(committed)",
                "after commit: no transaction");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_COMMITTED);
    }

    @Test
    void aRolledBackTransaction() throws Exception {
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        tx.registerSynchronization(Syncs.afterCompletion(status -> see("afterCompletion")));
        s.tm.rollback();
        see("after rollback");

        assertThat(seen).containsExactly("afterCompletion: rolled back", "after rollback: no transaction");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
    }

    @Test
    void aTransactionMarkedRollbackOnly() throws Exception {
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        s.tm.setRollbackOnly();
        see("after setRollbackOnly");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_MARKED_ROLLBACK);
        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class);
        see("after commit");

        assertThat(seen).containsExactly("after setRollbackOnly: marked rollback-only", "after commit: no transaction");
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ROLLEDBACK);
    }

    @Test
    void whileBranchesCommitTheStatusIsCommitting() throws Exception {
        ScriptedResource a = s.resource("A").onCommit(() -> see("A commits"));
        ScriptedResource b = s.resource("B").onCommit(() -> see("B commits"));
        s.tm.begin();
        s.tm.getTransaction().enlistResource(a);
        s.tm.getTransaction().enlistResource(b);
        s.tm.commit();

        assertThat(seen).containsExactly("A commits: committing", "B commits: committing");
    }
}
