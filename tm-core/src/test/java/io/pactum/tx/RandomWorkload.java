package io.pactum.tx;

import io.pactum.testing.CheckedResourceManager;
import io.pactum.testing.CheckedResourceManager.Vote;
import io.pactum.tx.TxRecord.Plan;
import io.pactum.tx.TxRecord.Told;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Worker threads that each run a number of randomly planned transactions against one transaction
 * manager (see {@link Plan}). Suspended transactions are handed over through a queue that every
 * worker takes from, so they finish on the same thread or another. Each worker also runs two
 * transactions with a one-second timeout: one it sleeps past, so its commit or rollback races the
 * reaper; one it commits just before the deadline on slow resources, so the reaper finds it
 * expired while it commits. Everything a worker was told goes into a {@link TxRecord}; whatever
 * the JTA contract does not allow goes into {@link #problems}.
 */
final class RandomWorkload {
    private static final int TIMEOUT_SECONDS = 1;

    private final PactumTransactionManager tm;
    private final List<CheckedResourceManager> resourceManagers;
    private final long seed;
    private final BlockingQueue<TxRecord> handOffs = new LinkedBlockingQueue<>();
    final Queue<TxRecord> records = new ConcurrentLinkedQueue<>();
    final Queue<String> problems = new ConcurrentLinkedQueue<>();

    RandomWorkload(PactumTransactionManager tm, List<CheckedResourceManager> resourceManagers, long seed) {
        this.tm = tm;
        this.resourceManagers = resourceManagers;
        this.seed = seed;
    }

    void run(int threads, int transactionsPerThread) throws InterruptedException {
        CountDownLatch producing = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Random random = new Random(seed * 31 + i);
            workers.add(new Thread(() -> work(random, transactionsPerThread, producing), "stress-" + i));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join(TimeUnit.SECONDS.toMillis(60));
            if (w.isAlive()) {
                problems.add(w.getName() + " did not finish: " + Arrays.toString(w.getStackTrace()));
            }
        }
    }

    private void work(Random random, int transactions, CountDownLatch producing) {
        int timeOutAt = random.nextInt(transactions);
        int timeOutCommittingAt = random.nextInt(transactions);
        try {
            for (int i = 0; i < transactions; i++) {
                TxRecord handedOver = handOffs.poll();
                if (handedOver != null) {
                    guarded(handedOver.plan, () -> finishHandOff(handedOver));
                }
                Plan plan = i == timeOutAt ? (random.nextBoolean() ? Plan.TIME_OUT_COMMIT : Plan.TIME_OUT_ROLLBACK)
                        : plan(random);
                guarded(plan, () -> run(plan, random));
                if (i == timeOutCommittingAt) {
                    guarded(Plan.TIME_OUT_DURING_COMMIT, () -> expireWhileCommitting(random));
                }
            }
        } finally {
            producing.countDown();
        }
        drainHandOffs(producing);
        if (tm.getTransaction() != null) {
            problems.add(Thread.currentThread().getName() + " ended still associated with " + tm.getTransaction());
        }
    }

    /** Takes hand-offs until every worker has stopped producing them and the queue is empty. */
    private void drainHandOffs(CountDownLatch producing) {
        while (true) {
            boolean noMoreComing = producing.getCount() == 0;
            TxRecord t;
            try {
                t = handOffs.poll(5, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                problems.add(Thread.currentThread().getName() + " interrupted");
                return;
            }
            if (t != null) {
                guarded(t.plan, () -> finishHandOff(t));
            } else if (noMoreComing) {
                return;
            }
        }
    }

    private static Plan plan(Random random) {
        int p = random.nextInt(100);
        if (p < 35) {
            return Plan.COMMIT;
        } else if (p < 50) {
            return Plan.ROLLBACK;
        } else if (p < 60) {
            return Plan.ROLLBACK_ONLY_THEN_COMMIT;
        } else if (p < 75) {
            return Plan.SUSPEND_RESUME_COMMIT;
        } else if (p < 90) {
            return Plan.HAND_OFF_RESUME_COMMIT;
        }
        return Plan.HAND_OFF_COMMIT;
    }

    private void run(Plan plan, Random random) throws Exception {
        boolean timesOut = plan == Plan.TIME_OUT_COMMIT || plan == Plan.TIME_OUT_ROLLBACK;
        TxRecord t = begin(plan, random, timesOut ? TIMEOUT_SECONDS : 0);
        switch (plan) {
            case COMMIT -> commit(t);
            case ROLLBACK -> rollback(t);
            case ROLLBACK_ONLY_THEN_COMMIT -> {
                markRollbackOnly(random);
                commit(t);
            }
            case SUSPEND_RESUME_COMMIT -> {
                expect(tm.suspend() == t.tx, "suspend() returned another transaction");
                expect(tm.getTransaction() == null, "still associated after suspend()");
                tm.resume(t.tx);
                commit(t);
            }
            case HAND_OFF_RESUME_COMMIT, HAND_OFF_COMMIT -> {
                expect(tm.suspend() == t.tx, "suspend() returned another transaction");
                handOffs.add(t);
            }
            case TIME_OUT_COMMIT, TIME_OUT_ROLLBACK -> outliveTimeout(t, random);
            default -> throw new IllegalArgumentException(plan.name());
        }
    }

    /**
     * Begins with slow resources (each XA call takes a few milliseconds), sleeps until just
     * before the deadline and commits: the deadline passes during end, prepare or commit, while
     * the reaper looks every few milliseconds.
     */
    private void expireWhileCommitting(Random random) throws Exception {
        long began = System.nanoTime();
        tm.setTransactionTimeout(TIMEOUT_SECONDS);
        tm.begin();
        tm.setTransactionTimeout(0);
        TxRecord t = new TxRecord(Plan.TIME_OUT_DURING_COMMIT, tm.getTransaction());
        records.add(t);
        registerSynchronizations(t);
        int count = 1 + random.nextInt(resourceManagers.size());
        for (int i = 0; i < count; i++) {
            expect(t.tx.enlistResource(resourceManagers.get(i).connect(Vote.YES, 1 + random.nextInt(5))),
                    "enlistResource returned false");
            t.enlisted(Vote.YES);
        }
        long commitAt = began + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS) - TimeUnit.MILLISECONDS.toNanos(
                random.nextInt(40));
        TimeUnit.NANOSECONDS.sleep(commitAt - System.nanoTime());
        commit(t);
    }

    private TxRecord begin(Plan plan, Random random, int timeoutSeconds) throws Exception {
        tm.setTransactionTimeout(timeoutSeconds);
        tm.begin();
        tm.setTransactionTimeout(0);
        TxRecord t = new TxRecord(plan, tm.getTransaction());
        records.add(t);
        List<CheckedResourceManager> rms = new ArrayList<>(resourceManagers);
        Collections.shuffle(rms, random);
        int count = random.nextInt(rms.size() + 1);
        for (int i = 0; i < count; i++) {
            if (i == count / 2) {
                registerSynchronizations(t);
            }
            enlist(t, rms.get(i), vote(random));
        }
        if (count == 0) {
            registerSynchronizations(t);
        }
        return t;
    }

    private void registerSynchronizations(TxRecord t) throws Exception {
        tm.getTransaction().registerSynchronization(t.sync);
        tm.synchronizationRegistry().registerInterposedSynchronization(t.interposed);
    }

    private void enlist(TxRecord t, CheckedResourceManager rm, Vote vote) throws Exception {
        expect(tm.getTransaction().enlistResource(rm.connect(vote)), "enlistResource returned false");
        t.enlisted(vote);
    }

    private static Vote vote(Random random) {
        int v = random.nextInt(100);
        return v < 4 ? Vote.ROLLBACK : v < 14 ? Vote.READ_ONLY : Vote.YES;
    }

    private void markRollbackOnly(Random random) throws Exception {
        switch (random.nextInt(3)) {
            case 0 -> tm.setRollbackOnly();
            case 1 -> tm.getTransaction().setRollbackOnly();
            default -> tm.synchronizationRegistry().setRollbackOnly();
        }
        expect(tm.getStatus() == Status.STATUS_MARKED_ROLLBACK, "status after setRollbackOnly() is "
                + Statuses.name(tm.getStatus()));
    }

    /**
     * Sleeps just past the deadline (the reaper looks every few milliseconds), may enlist once
     * more, then commits or rolls back while the reaper may be rolling the transaction back.
     */
    private void outliveTimeout(TxRecord t, Random random) throws Exception {
        Thread.sleep(TIMEOUT_SECONDS * 1000L + random.nextInt(15));
        if (random.nextBoolean()) {
            try {
                enlist(t, resourceManagers.get(random.nextInt(resourceManagers.size())), Vote.YES);
            } catch (RollbackException reaperCameFirst) {
                // expected when the reaper already rolled it back
            }
        }
        if (t.plan == Plan.TIME_OUT_COMMIT) {
            commit(t);
        } else {
            rollback(t);
        }
    }

    private void finishHandOff(TxRecord t) throws Exception {
        expect(tm.getTransaction() == null, "took a hand-off while associated with " + tm.getTransaction());
        if (t.plan == Plan.HAND_OFF_RESUME_COMMIT) {
            tm.resume(t.tx);
            expect(tm.getTransaction() == t.tx, "resume() did not associate the transaction");
            commit(t);
            return;
        }
        try {
            t.tx.commit();
            t.told(Told.COMMITTED);
        } catch (RollbackException e) {
            t.told(Told.ROLLBACK_EXCEPTION);
        } finally {
            expect(tm.getTransaction() == null, "Transaction.commit() associated this thread with "
                    + tm.getTransaction());
        }
    }

    private void commit(TxRecord t) throws Exception {
        try {
            tm.commit();
            t.told(Told.COMMITTED);
        } catch (RollbackException e) {
            t.told(Told.ROLLBACK_EXCEPTION);
        } finally {
            expect(tm.getTransaction() == null, "still associated with " + tm.getTransaction() + " after commit");
        }
    }

    private void rollback(TxRecord t) throws Exception {
        try {
            tm.rollback();
            t.told(Told.ROLLED_BACK);
        } finally {
            expect(tm.getTransaction() == null, "still associated with " + tm.getTransaction() + " after rollback");
        }
    }

    private void expect(boolean condition, String problem) {
        if (!condition) {
            problems.add(Thread.currentThread().getName() + ": " + problem);
        }
    }

    interface Step {
        void run() throws Exception;
    }

    /** Runs one step; an exception the JTA contract does not allow here is recorded, and the thread cleaned up. */
    private void guarded(Plan plan, Step step) {
        try {
            step.run();
        } catch (Throwable e) {
            problems.add(Thread.currentThread().getName() + " " + plan + ": unexpected " + stackTrace(e));
            if (tm.getTransaction() != null) {
                tm.suspend();
            }
        }
    }

    static String stackTrace(Throwable e) {
        java.io.StringWriter w = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
