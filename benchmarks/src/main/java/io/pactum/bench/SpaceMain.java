package io.pactum.bench;

import io.pactum.Pactum;
import io.pactum.bench.sut.SystemUnderTest;
import io.pactum.bench.workload.Workload;
import io.pactum.bench.workload.Workloads;
import io.pactum.tx.PactumTransactionManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The space run, in its own JVM: a fixed number of 2PC transactions through Pactum with its file
 * journal on the disk, on N threads, while a sampler measures the log directory every second.
 * Under a steady load with nothing in doubt the journal must stay bounded (about two segments).
 * Prints {@code SAMPLE} lines and one {@code SPACE} line; usage:
 * {@code SpaceMain <disk-dir> <transactions> <threads>}.
 */
public final class SpaceMain {
    static final String SAMPLE = "SAMPLE ";
    static final String SPACE = "SPACE ";

    private SpaceMain() {
    }

    /** The log directory at one moment. */
    record Usage(long bytes, int segments, int files) {
        static Usage of(Path dir) throws IOException {
            long bytes = 0;
            int segments = 0;
            int files = 0;
            try (Stream<Path> all = Files.list(dir)) {
                for (Path p : all.toList()) {
                    long size;
                    try {
                        size = Files.size(p);
                    } catch (NoSuchFileException e) {
                        continue; // deleted by a roll-over meanwhile
                    }
                    bytes += size;
                    files++;
                    if (p.getFileName().toString().matches("journal-[0-9a-f]{16}\\.log")) {
                        segments++;
                    }
                }
            }
            return new Usage(bytes, segments, files);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: SpaceMain <disk-dir> <transactions> <threads>");
            System.exit(2);
        }
        Path cellDir = Files.createTempDirectory(DiskDirectory.check(Paths.get(args[0])), "space-");
        long total = Long.parseLong(args[1]);
        int threads = Integer.parseInt(args[2]);
        try {
            run(cellDir.resolve("pactum"), total, threads);
        } finally {
            CellMain.deleteTree(cellDir);
        }
        System.exit(0);
    }

    private static void run(Path logDir, long total, int threads) throws Exception {
        Workload workload = Workloads.get("2pc").factory().get();
        PactumTransactionManager tm = Pactum.builder().nodeId("bench").logDirectory(logDir).recovery(false).build();
        System.err.println("space run: " + total + " tx on " + threads + " threads, log in " + logDir + " ("
                + DiskDirectory.describe(logDir) + ")");
        AtomicLong claimed = new AtomicLong();
        AtomicLong committed = new AtomicLong();
        AtomicLong finished = new AtomicLong(Long.MIN_VALUE); // when the last worker ended
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            Workload.Worker w = workload.newWorker(new SystemUnderTest.Running(tm, () -> {
            }));
            Thread t = new Thread(() -> {
                loop(w, claimed, committed, total);
                finished.accumulateAndGet(System.nanoTime(), Math::max);
            }, "space-worker-" + i);
            workers.add(t);
            t.start();
        }
        Usage max = new Usage(0, 0, 0);
        Usage last = Usage.of(logDir);
        while (workers.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(1000 - (System.nanoTime() - start) / 1_000_000 % 1000);
            last = Usage.of(logDir);
            max = larger(max, last);
            System.out.printf(Locale.ROOT, "%s%d %d %d %d %d%n", SAMPLE, (System.nanoTime() - start) / 1_000_000,
                    committed.get(), last.bytes(), last.segments(), last.files());
        }
        double seconds = (finished.get() - start) / 1e9;
        tm.close();
        Usage closed = Usage.of(logDir);
        System.out.printf(Locale.ROOT,
                "%stx=%d seconds=%.2f tx_per_s=%.1f max_bytes=%d final_bytes=%d max_segments=%d final_segments=%d "
                        + "max_files=%d final_files=%d closed_bytes=%d closed_segments=%d%n",
                SPACE, committed.get(), seconds, committed.get() / seconds, max.bytes(), last.bytes(), max.segments(),
                last.segments(), max.files(), last.files(), closed.bytes(), closed.segments());
    }

    private static Usage larger(Usage a, Usage b) {
        return new Usage(Math.max(a.bytes(), b.bytes()), Math.max(a.segments(), b.segments()),
                Math.max(a.files(), b.files()));
    }

    private static void loop(Workload.Worker w, AtomicLong claimed, AtomicLong committed, long total) {
        while (claimed.getAndIncrement() < total) {
            try {
                w.transaction();
                committed.incrementAndGet();
            } catch (Exception e) {
                e.printStackTrace();
                return;
            }
        }
    }
}
