package io.pactum.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.Pactum;
import io.pactum.log.InMemoryLog;
import io.pactum.testing.CapturedMessages;
import io.pactum.testing.CheckedResourceManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many threads drive transactions through one transaction manager at once, and the test states
 * what must never happen: an XA protocol violation on any XID, a transaction completed other than
 * exactly once, an application told an outcome its resource managers did not see, a thread left
 * associated, a transaction left in flight, a dead reaper, or an exception the JTA contract does
 * not allow.
 *
 * <p>Size and replay: {@code -Dpactum.stress.seed=N} replays the random choices of a run (the
 * interleaving itself cannot be replayed), {@code -Dpactum.stress.threads} (16) and
 * {@code -Dpactum.stress.transactions} (transactions per thread, 150; the race runs half as many
 * groups of three threads, ten times as many rounds each).
 */
class ConcurrencyStressTest {
    private static final int THREADS = Integer.getInteger("pactum.stress.threads", 16);
    private static final int TRANSACTIONS = Integer.getInteger("pactum.stress.transactions", 150);
    /** The race is cheap and its window narrow: many more rounds than transactions. */
    private static final int RACE_ROUNDS = TRANSACTIONS * 10;

    private final long seed = Long.getLong("pactum.stress.seed", System.nanoTime());
    private final InMemoryLog log = new InMemoryLog();
    private final List<CheckedResourceManager> resourceManagers = List.of(
            new CheckedResourceManager("A"), new CheckedResourceManager("B"), new CheckedResourceManager("C"));
    private CapturedMessages messages;
    private PactumTransactionManager tm;

    @BeforeEach
    void start() {
        System.out.println("ConcurrencyStressTest seed " + seed + " (replay with -Dpactum.stress.seed=" + seed + ")");
        messages = new CapturedMessages();
        tm = Pactum.builder().nodeId("stress").logStore(log).reaperInterval(Duration.ofMillis(10))
                .retryDelay(Duration.ZERO).build();
    }

    @AfterEach
    void stop() {
        tm.close();
        messages.close();
    }

    @Test
    void randomTransactionsOnManyThreadsNeverBreakXaNorCompleteTwice() throws Exception {
        RandomWorkload workload = new RandomWorkload(tm, resourceManagers, seed);
        workload.run(THREADS, TRANSACTIONS);
        awaitNothingInFlight();

        System.out.println(summary(workload.records) + ", " + messages.count("PACTUM-2001")
                + " timed out by the reaper");
        // Each thread also runs one transaction that expires while it commits.
        assertNothingBroken(workload.problems, workload.records, THREADS * (TRANSACTIONS + 1));
    }

    @Test
    void commitRacingSetRollbackOnlyOrRollbackCompletesExactlyOnceWithOneOutcome() throws Exception {
        CompletionRace race = new CompletionRace(tm, resourceManagers, seed);
        race.run(Math.max(1, THREADS / 2), RACE_ROUNDS);
        awaitNothingInFlight();

        System.out.println(summary(race.records));
        assertNothingBroken(race.problems, race.records, Math.max(1, THREADS / 2) * RACE_ROUNDS);
    }

    private void assertNothingBroken(Collection<String> threadProblems, Collection<TxRecord> records, int begun) {
        List<String> problems = new ArrayList<>(threadProblems);
        if (records.size() != begun) {
            problems.add(records.size() + " transactions recorded, " + begun + " planned");
        }
        resourceManagers.forEach(rm -> problems.addAll(rm.violations()));
        CompletionCheck check = new CompletionCheck(resourceManagers);
        records.forEach(r -> problems.addAll(check.problems(r)));
        if (tm.inFlightCount() != 0) {
            problems.add(tm.inFlightCount() + " transactions still in flight");
        }
        if (!reaperRuns()) {
            problems.add("the reaper thread is not running");
        }
        if (!log.pendingDecisions().isEmpty() || !log.heuristics().isEmpty()) {
            problems.add("the log still holds " + log.pendingDecisions() + " and " + log.heuristics());
        }
        problems.addAll(messages.except(CompletionCheck.EXPECTED_MESSAGES));
        assertThat(problems).withFailMessage(() -> report(problems)).isEmpty();
    }

    /** The reaper finishes what it timed out on its own thread; give it a bounded moment. */
    private void awaitNothingInFlight() throws InterruptedException {
        for (int i = 0; i < 1_000 && tm.inFlightCount() > 0; i++) {
            Thread.sleep(10);
        }
    }

    private boolean reaperRuns() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("pactum-reaper-stress") && t.isAlive());
    }

    /** How the transactions went, to show which paths a run took. */
    private static String summary(Collection<TxRecord> records) {
        Map<String, Long> counts = new TreeMap<>();
        for (TxRecord r : records) {
            String racer = r.racerMove == TxRecord.RacerMove.NONE ? ""
                    : "/" + r.racerMove + (r.caughtBeforePrepare ? "-before-prepare" : "")
                    + (r.racerAccepted ? "-accepted" : "-refused");
            counts.merge(r.plan + racer + "->" + r.told(), 1L, Long::sum);
        }
        return "ConcurrencyStressTest: " + counts;
    }

    private String report(List<String> problems) {
        StringBuilder b = new StringBuilder(problems.size() + " problem(s) with seed " + seed
                + " (replay with -Dpactum.stress.seed=" + seed + "):");
        problems.stream().limit(20).forEach(p -> b.append("\n  - ").append(p));
        if (problems.size() > 20) {
            b.append("\n  ... and ").append(problems.size() - 20).append(" more");
        }
        return b.toString();
    }
}
