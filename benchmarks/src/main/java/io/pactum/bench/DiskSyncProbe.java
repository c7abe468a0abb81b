package io.pactum.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The disk's own sync rate: one thread writes 8 kB and forces the file (fdatasync), again and
 * again, for a few seconds. The file is written full of zeros and synced first, and the loop
 * then overwrites it in order, wrapping around, as a journal overwrites its preallocated
 * segment: each sync then flushes data only, not a growing file's size. A log that makes one
 * sync per transaction cannot commit faster than this on one thread.
 */
final class DiskSyncProbe {
    private static final int WRITE = 8 << 10;
    private static final long FILE = 16L << 20;

    /** What one probe measured. */
    record Rate(long syncs, double seconds) {
        double perSecond() {
            return syncs / seconds;
        }

        double microsPerSync() {
            return seconds * 1e6 / syncs;
        }
    }

    private DiskSyncProbe() {
    }

    static Rate measure(Path dir, long millis) throws IOException {
        Path file = Files.createTempFile(DiskDirectory.check(dir), "sync-probe-", ".dat");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer block = ByteBuffer.allocateDirect(WRITE);
            for (long pos = 0; pos < FILE; pos += WRITE) {
                write(ch, block, pos);
            }
            ch.force(true);
            long syncs = 0;
            long pos = 0;
            long start = System.nanoTime();
            long end = start + millis * 1_000_000L;
            long now;
            do {
                block.putLong(0, syncs); // not the same bytes every time
                write(ch, block, pos);
                ch.force(false);
                syncs++;
                pos = (pos + WRITE) % FILE;
                now = System.nanoTime();
            } while (now < end);
            return new Rate(syncs, (now - start) / 1e9);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void write(FileChannel ch, ByteBuffer block, long pos) throws IOException {
        block.clear();
        long p = pos;
        while (block.hasRemaining()) {
            p += ch.write(block, p);
        }
    }
}
