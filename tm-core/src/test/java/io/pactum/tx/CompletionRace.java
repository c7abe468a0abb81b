package io.pactum.tx;

import io.pactum.testing.CheckedResourceManager;
import io.pactum.testing.CheckedResourceManager.Vote;
import io.pactum.tx.TxRecord.Plan;
import io.pactum.tx.TxRecord.RacerMove;
import io.pactum.tx.TxRecord.Told;
import jakarta.transaction.RollbackException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * Groups of threads racing to complete the same transaction objects. In every round a committer
 * commits a transaction while a racer calls {@code setRollbackOnly()} or {@code rollback()} on
 * it: a quarter of the rounds at a random moment, the rest aimed at the moment beforeCompletion
 * lets go of the transaction (the last moment a rollback-only mark may still be taken). In aimed
 * rounds an observer calls the diagnostic {@code branches()} meanwhile and waits on the
 * transaction's lock, as a monitoring thread may; waking it widens that moment from nanoseconds
 * to microseconds. Whatever each was told goes into a {@link TxRecord}.
 */
final class CompletionRace {
    private static final long HOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final PactumTransactionManager tm;
    private final List<CheckedResourceManager> resourceManagers;
    private final long seed;
    final Queue<TxRecord> records = new ConcurrentLinkedQueue<>();
    final Queue<String> problems = new ConcurrentLinkedQueue<>();

    /** What the three threads of a group share about the current round. */
    private static final class Round {
        final CyclicBarrier start = new CyclicBarrier(3);
        final CyclicBarrier end = new CyclicBarrier(3);
        volatile Thread committer;
        volatile Thread observer;
        volatile TxRecord record;
        volatile RacerMove move;
        volatile boolean aimed;
        volatile int spins;
        volatile boolean observerCalling;
    }

    CompletionRace(PactumTransactionManager tm, List<CheckedResourceManager> resourceManagers, long seed) {
        this.tm = tm;
        this.resourceManagers = resourceManagers;
        this.seed = seed;
    }

    void run(int groups, int rounds) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            Round round = new Round();
            Random random = new Random(seed * 131 + g);
            round.observer = new Thread(() -> guarded(() -> observeRounds(rounds, round)), "observer-" + g);
            round.committer = new Thread(() -> guarded(() -> commitRounds(rounds, round, random)), "committer-" + g);
            threads.add(round.committer);
            threads.add(new Thread(() -> guarded(() -> raceRounds(rounds, round)), "racer-" + g));
            threads.add(round.observer);
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
            if (t.isAlive()) {
                problems.add(t.getName() + " did not finish: " + Arrays.toString(t.getStackTrace()));
                t.interrupt();
            }
        }
    }

    private void commitRounds(int rounds, Round round, Random random) throws Exception {
        for (int i = 0; i < rounds; i++) {
            int kind = random.nextInt(8);
            // Aimed rounds mostly mark rollback-only: rollback() needs an ACTIVE transaction.
            round.move = kind == 1 || kind == 4 ? RacerMove.ROLLBACK : RacerMove.SET_ROLLBACK_ONLY;
            round.aimed = kind >= 2;
            round.spins = random.nextInt(2_000);
            round.observerCalling = false;
            tm.begin();
            TxRecord t = new TxRecord(Plan.RACED_COMMIT, tm.getTransaction(),
                    round.aimed ? () -> awaitObserverWaiting(round) : () -> { });
            records.add(t);
            t.tx.registerSynchronization(t.sync);
            tm.synchronizationRegistry().registerInterposedSynchronization(t.interposed);
            int branches = random.nextInt(resourceManagers.size() + 1);
            for (int b = 0; b < branches; b++) {
                t.tx.enlistResource(resourceManagers.get(b).connect(Vote.YES));
                t.enlisted(Vote.YES);
            }
            round.record = t;
            round.start.await(10, TimeUnit.SECONDS);
            commit(t);
            round.end.await(10, TimeUnit.SECONDS);
        }
    }

    private void commit(TxRecord t) throws Exception {
        try {
            tm.commit();
            t.told(Told.COMMITTED);
        } catch (RollbackException e) {
            t.told(Told.ROLLBACK_EXCEPTION);
        } catch (IllegalStateException e) {
            t.told(Told.ILLEGAL_STATE); // allowed only when the racer's rollback() came first
        } finally {
            if (tm.getTransaction() != null) {
                problems.add(Thread.currentThread().getName() + ": still associated after commit");
            }
        }
    }

    /** Inside beforeCompletion: lets the observer get to the transaction's lock and wait on it. */
    private static void awaitObserverWaiting(Round round) {
        long deadline = System.nanoTime() + HOLD_NANOS;
        while (!(round.observerCalling && round.observer.getState() == Thread.State.WAITING)
                && System.nanoTime() - deadline < 0) {
            Thread.yield();
        }
    }

    private void raceRounds(int rounds, Round round) throws Exception {
        for (int i = 0; i < rounds; i++) {
            round.start.await(10, TimeUnit.SECONDS);
            TxRecord t = round.record;
            if (round.aimed) {
                raceRightAfterBeforeCompletion(t, round.move, round.committer);
            } else {
                spin(round.spins);
                race(t, round.move);
            }
            round.end.await(10, TimeUnit.SECONDS);
        }
    }

    private void observeRounds(int rounds, Round round) throws Exception {
        for (int i = 0; i < rounds; i++) {
            round.start.await(10, TimeUnit.SECONDS);
            TxRecord t = round.record;
            if (round.aimed) {
                awaitBeforeCompletion(t);
                round.observerCalling = true;
                t.tx.branches();
            }
            round.end.await(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Takes the transaction's lock the moment beforeCompletion lets go of it and makes the move
     * while holding it (the public call takes the same reentrant lock again). When the lock was
     * caught before prepare began, it is held until the committer waits for it: the interleaving
     * of a racer preempted inside {@code setRollbackOnly()} just after taking the lock. Uses the
     * package-private lock and state because no public call shows that moment.
     */
    private static void raceRightAfterBeforeCompletion(TxRecord t, RacerMove move, Thread committer)
            throws Exception {
        awaitBeforeCompletion(t);
        for (long n = 0; !t.tx.lock.tryLock(); n++) {
            pause(n);
        }
        try {
            if (t.tx.state() == TxState.BEFORE_COMPLETION) {
                t.caughtBeforePrepare = true;
                long deadline = System.nanoTime() + HOLD_NANOS;
                while (!t.tx.lock.hasQueuedThread(committer) && System.nanoTime() - deadline < 0) {
                    Thread.yield();
                }
            }
            race(t, move);
        } finally {
            t.tx.lock.unlock();
        }
    }

    private static void awaitBeforeCompletion(TxRecord t) {
        for (long n = 0; !t.inBeforeCompletion && t.told() == Told.NOTHING; n++) {
            pause(n);
        }
    }

    private static void pause(long n) {
        if (n % 1_000 == 999) {
            Thread.yield(); // two cores: let the committer run if it was preempted
        } else {
            Thread.onSpinWait();
        }
    }

    private static void spin(int n) {
        for (int i = 0; i < n; i++) {
            Thread.onSpinWait();
        }
    }

    private static void race(TxRecord t, RacerMove move) throws Exception {
        t.racerMove = move;
        try {
            if (move == RacerMove.SET_ROLLBACK_ONLY) {
                t.tx.setRollbackOnly();
            } else {
                t.tx.rollback();
            }
            t.racerAccepted = true;
        } catch (IllegalStateException tooLate) {
            t.racerAccepted = false;
        }
    }

    interface Body {
        void run() throws Exception;
    }

    private void guarded(Body body) {
        try {
            body.run();
        } catch (Throwable e) {
            problems.add(Thread.currentThread().getName() + ": unexpected " + RandomWorkload.stackTrace(e));
        }
    }
}
