package io.pactum.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.ScriptedResource.Call;
import io.pactum.testing.ScriptedResource.Outcome;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Phases whose calls reach the branches side by side: each phase still ends before the next
 * step, so every prepare answered before the decision is written, and the decision is durable
 * before any commit is sent; only the order within a phase is free.
 */
class ParallelPhasesTest {
    private static final long WAIT_SECONDS = 10;

    private final Scenario s = new Scenario(b -> b.parallelPhases(4, Duration.ZERO));
    private final Set<String> threads = ConcurrentHashMap.newKeySet();

    @AfterEach
    void close() {
        s.close();
    }

    /** Each branch's call waits until the other branch's call has started: one after another, this never ends. */
    private static void meet(CountDownLatch both) {
        both.countDown();
        try {
            if (!both.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the other branch was not called meanwhile");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void commitWith(ScriptedResource... resources) throws Exception {
        s.tm.begin();
        PactumTransaction tx = s.tm.getTransaction();
        for (ScriptedResource r : resources) {
            tx.enlistResource(r);
        }
        s.tm.commit();
    }

    @Test
    void bothBranchesArePreparedAndCommittedAtTheSameTime() throws Exception {
        CountDownLatch preparing = new CountDownLatch(2);
        CountDownLatch committing = new CountDownLatch(2);
        ScriptedResource a = s.resource("A");
        ScriptedResource b = s.resource("B");
        for (ScriptedResource r : List.of(a, b)) {
            r.onPrepare(() -> {
                threads.add(Thread.currentThread().getName());
                meet(preparing);
            });
            r.onCommit(() -> meet(committing));
        }

        commitWith(a, b);

        assertThat(a.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(b.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(threads).hasSize(2).anyMatch(name -> name.startsWith("pactum-phase-"));
        List<String> events = s.trace.events();
        assertThat(events.subList(4, 6)).containsExactlyInAnyOrder("A.prepare(1)", "B.prepare(2)");
        assertThat(events.get(6)).isEqualTo("log.decision(A:1,B:2)");
        assertThat(events.subList(7, 9)).containsExactlyInAnyOrder("A.commit(1,2pc)", "B.commit(2,2pc)");
        assertThat(events.get(9)).isEqualTo("log.done");
        assertThat(s.log.pendingDecisions()).isEmpty();
    }

    @Test
    void aRefusedPrepareRollsBackEveryBranchAndDecidesNothing() throws Exception {
        ScriptedResource a = s.resource("A").fail(Call.PREPARE, XAException.XA_RBROLLBACK);
        ScriptedResource b = s.resource("B");
        ScriptedResource c = s.resource("C");

        assertThatThrownBy(() -> commitWith(a, b, c)).isInstanceOf(RollbackException.class);

        assertThat(s.trace.only("log.")).isEmpty();
        assertThat(s.trace.events()).contains("B.prepare(2)", "C.prepare(3)", "B.rollback(2)", "C.rollback(3)");
        assertThat(a.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(b.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(c.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    }

    @Test
    void aBranchThatCommitsHeuristicallyMixedIsStillReported() throws Exception {
        ScriptedResource a = s.resource("A");
        ScriptedResource b = s.resource("B").fail(Call.COMMIT, XAException.XA_HEURMIX);

        assertThatThrownBy(() -> commitWith(a, b)).isInstanceOf(HeuristicMixedException.class);

        assertThat(a.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(s.trace.events()).contains("B.forget(2)");
    }

    /** As one after another: a driver's runtime exception in phase 2 is retried, wherever the call runs. */
    @Test
    void aRuntimeExceptionInACommitOnAHelperThreadIsRetried() throws Exception {
        ScriptedResource a = s.resource("A").throwOn(Call.COMMIT, new IllegalStateException("driver bug"));
        ScriptedResource b = s.resource("B");

        commitWith(a, b);

        assertThat(s.trace.only("A.commit")).hasSize(2);
        assertThat(a.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(b.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(s.log.pendingDecisions()).isEmpty();
    }

    @Test
    void readOnlyVotesEndTheirBranchesWithoutPhaseTwo() throws Exception {
        ScriptedResource a = s.resource("A").readOnly();
        ScriptedResource b = s.resource("B").readOnly();
        ScriptedResource c = s.resource("C");

        commitWith(a, b, c);

        assertThat(a.outcome()).isEqualTo(Outcome.READ_ONLY);
        assertThat(b.outcome()).isEqualTo(Outcome.READ_ONLY);
        assertThat(c.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(s.trace.only("log.")).as("one prepared branch needs no decision").isEmpty();
    }

    @Test
    void withZeroEveryCallRunsOnTheCommittingThread() throws Exception {
        try (Scenario sequential = new Scenario(b -> b.parallelPhases(0))) {
            ScriptedResource a = sequential.resource("A");
            ScriptedResource b = sequential.resource("B");
            String caller = Thread.currentThread().getName();
            for (ScriptedResource r : List.of(a, b)) {
                r.onPrepare(() -> threads.add(Thread.currentThread().getName()));
                r.onCommit(() -> threads.add(Thread.currentThread().getName()));
            }
            sequential.tm.begin();
            sequential.tm.getTransaction().enlistResource(a);
            sequential.tm.getTransaction().enlistResource(b);
            sequential.tm.commit();

            assertThat(threads).containsExactly(caller);
        }
    }
}
