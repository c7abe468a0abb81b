package io.pactum.tx;

import io.pactum.event.Message;
import java.time.Duration;

/**
 * The one thread that rolls back transactions past their deadline. It wakes every interval and
 * looks at the transactions in flight, so a transaction costs it nothing until it expires.
 */
final class Reaper implements Runnable {
    private final TransactionRuntime runtime;
    private final long intervalMillis;
    private final Thread thread;
    private volatile boolean running = true;

    Reaper(TransactionRuntime runtime, Duration interval) {
        this.runtime = runtime;
        this.intervalMillis = Math.max(1, interval.toMillis());
        this.thread = new Thread(this, "pactum-reaper-" + runtime.nodeId());
        thread.setDaemon(true);
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
            if (tx.isPastDeadline(now)) {
                try {
                    tx.timeOut();
                } catch (RuntimeException e) {
                    Message.REAPER_FAILED.log(e, tx);
                }
            }
        }
    }

    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
