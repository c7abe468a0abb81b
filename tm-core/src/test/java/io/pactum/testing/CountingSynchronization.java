package io.pactum.testing;

import jakarta.transaction.Synchronization;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A thread-safe synchronization that counts its calls and keeps every status it was given. */
public final class CountingSynchronization implements Synchronization {
    private final AtomicInteger before = new AtomicInteger();
    private final List<Integer> statuses = new ArrayList<>(1);
    private volatile boolean beforeAfterCompletion;
    private final Runnable onBeforeCompletion;

    public CountingSynchronization() {
        this(() -> { });
    }

    /** Runs {@code onBeforeCompletion} inside each beforeCompletion, e.g. to signal another thread. */
    public CountingSynchronization(Runnable onBeforeCompletion) {
        this.onBeforeCompletion = onBeforeCompletion;
    }

    @Override
    public void beforeCompletion() {
        if (afterCount() > 0) {
            beforeAfterCompletion = true;
        }
        before.incrementAndGet();
        onBeforeCompletion.run();
    }

    @Override
    public synchronized void afterCompletion(int status) {
        statuses.add(status);
    }

    public int beforeCount() {
        return before.get();
    }

    public synchronized int afterCount() {
        return statuses.size();
    }

    /** Every status afterCompletion was called with, in order. */
    public synchronized List<Integer> statuses() {
        return new ArrayList<>(statuses);
    }

    /** The status of the first afterCompletion, or -1. */
    public synchronized int status() {
        return statuses.isEmpty() ? -1 : statuses.get(0);
    }

    /** Whether beforeCompletion ever ran after afterCompletion. */
    public boolean calledBeforeAfterCompletion() {
        return beforeAfterCompletion;
    }
}
