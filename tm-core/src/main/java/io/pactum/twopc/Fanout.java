package io.pactum.twopc;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Sends one phase's XA calls to a transaction's branches side by side: every branch but the
 * last on a helper thread, the last on the caller's, and returns when all have answered. A
 * two-branch commit then waits for the slower branch of each phase instead of for both.
 *
 * <p>A hand-off costs CPU and some microseconds, which pays only for calls that wait (a database
 * round trip, a sync), not for calls that return at once (an in-memory resource): phases go side
 * by side only once sampled phases show branch calls slower than {@code slowerThanNanos}.
 * And it pays only while cores are idle: while more than {@code limit}
 * transactions are in flight, a phase runs its calls one after another on its own thread, and
 * so does a phase that finds no helper free. (Counting phases instead was measured to be too
 * weak a signal: with 16 transactions on 2 cores, enough phases still went side by side to cost
 * a sixth of the throughput.) Nothing here changes the protocol: a phase still ends before the
 * next step (the decision is written after every prepare answered, and before any commit is
 * sent).
 */
public final class Fanout implements AutoCloseable {
    private static final Fanout SEQUENTIAL = new Fanout(0, 0, () -> 0);
    /** One phase in this many (a power of two) that runs one after another is timed. */
    private static final int SAMPLE_EVERY = 16;

    private final int limit;
    private final long slowerThanNanos;
    private final IntSupplier inFlight;
    private final ThreadPoolExecutor helpers;
    /** How long one branch call takes, from sampled phases (a moving average); racy updates are fine. */
    private volatile long callNanos;
    private int phases;

    private Fanout(int limit, long slowerThanNanos, IntSupplier inFlight) {
        this.limit = limit;
        this.slowerThanNanos = slowerThanNanos;
        this.inFlight = inFlight;
        if (limit == 0) {
            helpers = null;
            return;
        }
        AtomicInteger names = new AtomicInteger();
        helpers = new ThreadPoolExecutor(0, Math.max(2, 2 * limit), 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    // no inherited thread locals and Pactum's own class loader: a helper made while
                    // one application commits must not keep that application's objects alive
                    Thread t = new Thread(null, r, "pactum-phase-" + names.incrementAndGet(), 0, false);
                    t.setContextClassLoader(Fanout.class.getClassLoader());
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * @param limit       up to how many transactions in flight phases run side by side; 0: every
     *                    call one after another
     * @param slowerThan  how long branch calls must take for a hand-off to pay; zero: always
     * @param inFlight    how many transactions are in flight now
     */
    public static Fanout upTo(int limit, Duration slowerThan, IntSupplier inFlight) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit is " + limit + ": use 0 or more");
        }
        return limit == 0 ? SEQUENTIAL : new Fanout(limit, slowerThan.toNanos(), inFlight);
    }

    /** One after another, always. */
    public static Fanout sequential() {
        return SEQUENTIAL;
    }

    /** Whether a phase starting now runs side by side (unless its branches share a resource object). */
    public boolean sideBySide() {
        return helpers != null && callNanos >= slowerThanNanos && inFlight.getAsInt() <= limit;
    }

    /**
     * Calls {@code call} for every branch and returns when every call returned. What a call
     * throws is thrown here, after all calls returned.
     */
    public void each(List<Branch> branches, Consumer<Branch> call) {
        int n = branches.size();
        if (n > 1 && sideBySide() && !sharesAResource(branches)) {
            long start = System.nanoTime();
            fanOut(branches, call);
            observed(System.nanoTime() - start); // side by side, a phase takes as long as its slowest call
        } else if (n > 1 && helpers != null && (++phases & (SAMPLE_EVERY - 1)) == 0) {
            long start = System.nanoTime();
            branches.forEach(call);
            observed((System.nanoTime() - start) / n);
        } else {
            branches.forEach(call);
        }
    }

    private void observed(long nanos) {
        callNanos = (callNanos * 7 + nanos) / 8;
    }

    private void fanOut(List<Branch> branches, Consumer<Branch> call) {
        int n = branches.size();
        CountDownLatch answered = new CountDownLatch(n - 1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int i = 0; i < n - 1; i++) {
            Branch b = branches.get(i);
            Runnable task = () -> {
                try {
                    call.accept(b);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    answered.countDown();
                }
            };
            try {
                helpers.execute(task);
            } catch (RejectedExecutionException noHelper) {
                task.run();
            }
        }
        try {
            call.accept(branches.get(n - 1));
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
        awaitUninterruptibly(answered);
        rethrow(failure.get());
    }

    /** Two branches on one resource object are never called at once: a driver need not allow it. */
    private static boolean sharesAResource(List<Branch> branches) {
        for (int i = 1; i < branches.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (branches.get(i).resource() == branches.get(j).resource()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The branches' answers must all be in before the phase ends, interrupt or not. */
    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    /** Helpers finish the calls they run; idle ones end. */
    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdown();
        }
    }
}
