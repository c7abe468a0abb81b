package io.pactum.log.file;

import static io.pactum.log.file.JournalFixtures.NODE;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.log.CommitDecision;
import io.pactum.log.HeuristicRecord;
import io.pactum.log.LogException;
import io.pactum.xid.GlobalId;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The machine stops at a random instant while several threads write, and the disk keeps only
 * what was forced plus a random, possibly torn, part of the rest. After reopening: every
 * decision whose writer had returned is there (unless its "done" was also written), and nothing
 * is there that nobody wrote. Replay any run with -Dpactum.seed=N.
 */
class PowerLossTest {
    private static final int RUNS = Integer.getInteger("pactum.powerloss.runs", 1_500);
    private static final long SEGMENT = 64 << 10;

    @Test
    void acknowledgedDecisionsSurviveAnyPowerLoss() throws Exception {
        long seed = Long.getLong("pactum.seed", System.nanoTime());
        System.out.println("PowerLossTest seed " + seed + " (-Dpactum.seed=" + seed + " replays it)");
        Random seeds = new Random(seed);
        for (int run = 0; run < RUNS; run++) {
            long runSeed = seeds.nextLong();
            try {
                oneRun(new Random(runSeed));
            } catch (AssertionError | Exception e) {
                throw new AssertionError("run " + run + " failed; seed " + seed, e);
            }
        }
    }

    private void oneRun(Random random) throws Exception {
        SimulatedDisk disk = new SimulatedDisk();
        JournalFixtures fx = new JournalFixtures();
        History h = new History();
        // A journal with history: some runs crash during a later life, after compaction.
        int lives = 1 + random.nextInt(2);
        for (int life = 0; life < lives; life++) {
            boolean crash = life == lives - 1;
            FileJournal j;
            try {
                j = FileJournal.open(disk, NODE, SEGMENT);
            } catch (LogException e) {
                throw new AssertionError("journal did not reopen", e);
            }
            h.checkAgainst(j);
            if (crash) {
                disk.crashAfter(random.nextInt(400));
            }
            write(j, fx, h, random);
            if (!crash) {
                j.close();
            } else {
                closeQuietly(j);
                disk.powerLoss(random);
            }
        }
        try (FileJournal j = FileJournal.open(disk, NODE, SEGMENT)) {
            h.checkAgainst(j);
        }
    }

    private static void write(FileJournal j, JournalFixtures fx, History h, Random random) throws InterruptedException {
        int threads = 1 + random.nextInt(4);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            long workerSeed = random.nextLong();
            workers[t] = new Thread(() -> writeSome(j, fx, h, new Random(workerSeed)));
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
    }

    private static void writeSome(FileJournal j, JournalFixtures fx, History h, Random random) {
        for (int i = 0; i < 60; i++) {
            GlobalId id = fx.nextId();
            CommitDecision d = JournalFixtures.decision(id);
            try {
                h.attempted.add(id);
                j.writeDecision(d);
                h.acknowledged.add(id);
                if (random.nextInt(4) != 0) {
                    h.doneAttempted.add(id);
                    j.writeDone(id);
                }
                if (random.nextInt(10) == 0) {
                    HeuristicRecord r = JournalFixtures.heuristic(id);
                    h.heuristicsAttempted.add(id);
                    j.writeHeuristic(r);
                    h.heuristicsAcknowledged.add(id);
                }
            } catch (LogException e) {
                return; // the machine stopped
            }
        }
    }

    private static void closeQuietly(FileJournal j) {
        try {
            j.close();
        } catch (LogException | RuntimeException e) {
            // the machine stopped
        }
    }

    /** What writers attempted and what the journal acknowledged. */
    private static final class History {
        final Set<GlobalId> attempted = ConcurrentHashMap.newKeySet();
        final Set<GlobalId> acknowledged = ConcurrentHashMap.newKeySet();
        final Set<GlobalId> doneAttempted = ConcurrentHashMap.newKeySet();
        final Set<GlobalId> heuristicsAttempted = ConcurrentHashMap.newKeySet();
        final Set<GlobalId> heuristicsAcknowledged = ConcurrentHashMap.newKeySet();

        void checkAgainst(FileJournal j) {
            Set<GlobalId> pending = new HashSet<>();
            j.pendingDecisions().forEach(d -> pending.add(d.globalId()));
            for (GlobalId id : acknowledged) {
                if (!doneAttempted.contains(id)) {
                    assertThat(pending).as("acknowledged decision %s", id).contains(id);
                }
            }
            assertThat(attempted).as("decisions nobody wrote").containsAll(pending);
            Set<GlobalId> heuristics = new HashSet<>();
            j.heuristics().forEach(r -> heuristics.add(r.branch().xid().globalId()));
            assertThat(heuristics).as("acknowledged heuristics").containsAll(heuristicsAcknowledged);
            assertThat(heuristicsAttempted).as("heuristics nobody wrote").containsAll(heuristics);
            j.pendingDecisions().forEach(d -> assertThat(d).isEqualTo(JournalFixtures.decision(d.globalId())));
        }
    }
}
