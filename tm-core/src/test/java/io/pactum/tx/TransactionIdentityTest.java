package io.pactum.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.testing.Scenario;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Frameworks key maps by Transaction: equal by global id, with a hash that never changes. */
class TransactionIdentityTest {
    private final Scenario s = new Scenario();

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void aTransactionWithTheSameGlobalIdIsEqual() throws Exception {
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        PactumTransaction sameId = new PactumTransaction(tx.runtime, tx.globalId(), 1);
        assertThat(sameId).isNotSameAs(tx).isEqualTo(tx).hasSameHashCodeAs(tx);
        assertThat(tx.hashCode()).isEqualTo(tx.globalId().hashCode());
    }

    @Test
    void twoTransactionsAreNotEqual() throws Exception {
        s.tm.begin();
        PactumTransaction first = s.tm.getTransaction();
        s.tm.commit();
        s.tm.begin();
        PactumTransaction second = s.tm.getTransaction();
        assertThat(second).isNotEqualTo(first);
        assertThat(second.globalId()).isNotEqualTo(first.globalId());
    }

    @Test
    void isNotEqualToAnotherKindOfTransaction() throws Exception {
        s.tm.begin();
        assertThat(s.tm.getTransaction()).isNotEqualTo(new ForeignTransaction()).isNotEqualTo(null);
    }

    @Test
    void findsItselfInASetAfterItCompleted() throws Exception {
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        Set<PactumTransaction> seen = new HashSet<>(Set.of(tx));
        int hash = tx.hashCode();
        s.tm.commit();
        assertThat(tx.hashCode()).isEqualTo(hash);
        assertThat(seen).contains(tx);
    }
}
