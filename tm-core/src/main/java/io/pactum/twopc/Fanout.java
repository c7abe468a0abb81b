package io.pactum.twopc;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Sends one phase's XA calls to a transaction's branches side by side: every branch but the
 * last on a helper thread, the last on the caller's, and returns when all have answered. A
 * two-branch commit then waits for the slower branch of each phase instead of for both.
 *
 * <p>A hand-off costs CPU, which pays only while cores are idle: when {@code limit} phases
 * already run side by side, the next one runs its calls one after another on its own thread,
 * and so does a phase that finds no helper free. Nothing here changes the protocol: a phase
 * still ends before the next step (the decision is written after every prepare answered, and
 * before any commit is sent).
 */
public final class Fanout implements AutoCloseable {
    private static final Fanout SEQUENTIAL = new Fanout(0);

    private final int limit;
    private final ThreadPoolExecutor helpers;
    private final AtomicInteger running = new AtomicInteger();

    private Fanout(int limit) {
        this.limit = limit;
        if (limit == 0) {
            helpers = null;
            return;
        }
        AtomicInteger names = new AtomicInteger();
        helpers = new ThreadPoolExecutor(0, Math.max(2, 2 * limit), 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "pactum-phase-" + names.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * @param limit how many phases may run side by side at once; 0: every call one after another
     */
    public static Fanout upTo(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit is " + limit + ": use 0 or more");
        }
        return limit == 0 ? SEQUENTIAL : new Fanout(limit);
    }

    /** Whether a phase starting now would run side by side (a hint: another may start meanwhile). */
    public boolean sideBySide() {
        return helpers != null && running.get() < limit;
    }

    /**
     * Calls {@code call} for every branch and returns when every call returned. What a call
     * throws is thrown here, after all calls returned.
     */
    public void each(List<Branch> branches, Consumer<Branch> call) {
        int n = branches.size();
        if (n < 2 || !sideBySide()) {
            branches.forEach(call);
            return;
        }
        running.incrementAndGet();
        try {
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
        } finally {
            running.decrementAndGet();
        }
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
