package io.pactum.tx;

import io.pactum.event.Message;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one thread that finds transactions past their deadline. It wakes every interval and looks
 * at the transactions in flight, so a transaction costs it nothing until it expires.
 *
 * <p>It only claims an expired transaction (marks it timed out, under the transaction's lock);
 * the rollback, which calls the resource managers, runs on a thread of its own. A rollback can
 * wait a long time: MySQL's {@code XA END} waits for the statement the application is still
 * running on that connection, up to the server's lock wait timeout. It then holds up no other
 * transaction's timeout. Those threads exist only while rollbacks run, at most
 * {@value #MAX_ROLLBACK_THREADS} at once; further rollbacks wait for one of them.
 */
final class Reaper implements Runnable {
    static final int MAX_ROLLBACK_THREADS = 32;

    private final TransactionRuntime runtime;
    private final long intervalMillis;
    private final Thread thread;
    private final ThreadPoolExecutor rollbacks;
    private volatile boolean running = true;

    Reaper(TransactionRuntime runtime, Duration interval) {
        this.runtime = runtime;
        this.intervalMillis = Math.max(1, interval.toMillis());
        this.thread = new Thread(this, "pactum-reaper-" + runtime.nodeId());
        thread.setDaemon(true);
        AtomicInteger count = new AtomicInteger();
        this.rollbacks = new ThreadPoolExecutor(MAX_ROLLBACK_THREADS, MAX_ROLLBACK_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "pactum-timeout-" + runtime.nodeId() + "-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        rollbacks.allowCoreThreadTimeOut(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        while (running) {
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            }
            reap(System.nanoTime());
        }
    }

    void reap(long now) {
        for (PactumTransaction tx : runtime.inFlight()) {
            if (!tx.isPastDeadline(now)) {
                continue;
            }
            try {
                if (tx.claimTimeout()) {
                    rollbacks.execute(() -> rollBack(tx));
                }
            } catch (RejectedExecutionException e) {
                rollBack(tx); // stopping: the claimed transaction is still rolled back
            } catch (RuntimeException e) {
                Message.REAPER_FAILED.log(e, tx);
            }
        }
    }

    private static void rollBack(PactumTransaction tx) {
        try {
            tx.rollBackTimedOut();
        } catch (RuntimeException e) {
            Message.REAPER_FAILED.log(e, tx);
        }
    }

    /**
     * Stops looking for expired transactions and gives rollbacks under way up to 10 s to finish
     * (one that reports a heuristic outcome still writes it to the log, which closes next); any
     * still running after that finish on their own threads.
     */
    void stop() {
        running = false;
        thread.interrupt();
        rollbacks.shutdown();
        try {
            thread.join(10_000);
            rollbacks.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
