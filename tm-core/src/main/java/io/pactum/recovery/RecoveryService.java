package io.pactum.recovery;

import io.pactum.event.Message;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a {@link Recoverer} periodically on one daemon thread, and on demand. */
public final class RecoveryService implements AutoCloseable {
    private final Recoverer recoverer;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pactum-recovery");
        t.setDaemon(true);
        return t;
    });

    public RecoveryService(Recoverer recoverer) {
        this.recoverer = recoverer;
    }

    /**
     * Scans every {@code interval}, the first time after at most 5 s: time for the application's
     * data sources to register, so that the first scan sees them.
     */
    public void start(Duration interval) {
        long millis = interval.toMillis();
        thread.scheduleWithFixedDelay(this::scanQuietly, Math.min(millis, 5_000), millis, TimeUnit.MILLISECONDS);
    }

    private void scanQuietly() {
        try {
            recoverer.scan();
        } catch (RuntimeException e) {
            Message.RECOVERY_FAILED.log(e);
        }
    }

    /** Runs one scan on the calling thread (scans never overlap). */
    public ScanReport scanNow() {
        return recoverer.scan();
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
