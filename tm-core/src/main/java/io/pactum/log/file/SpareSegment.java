package io.pactum.log.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Prepares the next segment file in the background, filled with zeros and synced, so that a
 * roll-over costs a rename. Overwriting allocated blocks makes each later sync cheaper than
 * growing the file would (the file's size does not change).
 */
final class SpareSegment implements AutoCloseable {
    static final String NAME = "journal-spare.tmp";
    private static final int CHUNK = 1 << 20;

    private final Storage storage;
    private final long size;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pactum-journal-spare");
        t.setDaemon(true);
        return t;
    });
    private Future<?> ready;

    SpareSegment(Storage storage, long size) {
        this.storage = storage;
        this.size = size;
    }

    /** Starts preparing a spare file. */
    void prepare() {
        ready = worker.submit(() -> {
            fill();
            return null;
        });
    }

    /** Prepares a spare file now, on this thread. */
    void prepareNow() throws IOException {
        fill();
        ready = java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    private void fill() throws IOException {
        storage.delete(NAME);
        try (Storage.StorageFile f = storage.open(NAME, true)) {
            ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(CHUNK, size));
            for (long pos = 0; pos < size; pos += zeros.capacity()) {
                zeros.clear();
                if (size - pos < zeros.capacity()) {
                    zeros.limit((int) (size - pos));
                }
                f.write(zeros, pos);
            }
            f.force();
        }
    }

    /**
     * Turns the spare into the named segment and opens it; when no spare is ready yet, creates
     * an empty file instead rather than wait. The caller syncs the directory.
     */
    Storage.StorageFile take(String segmentName) throws IOException {
        boolean spare = false;
        if (ready != null && ready.isDone()) {
            try {
                ready.get();
                spare = true;
            } catch (Exception e) {
                spare = false; // the segment grows as it is written instead
            }
            ready = null;
        }
        if (spare) {
            storage.rename(NAME, segmentName);
        }
        return storage.open(segmentName, true);
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
