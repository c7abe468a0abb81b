package io.pactum.bench;

import io.pactum.bench.sut.Setup;
import io.pactum.bench.sut.SystemUnderTest;
import io.pactum.bench.sut.Systems;
import io.pactum.bench.workload.Workload;
import io.pactum.bench.workload.Workloads;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The JVM of one cell: starts the system, runs the workload, prints one RESULT line and exits.
 * Usage: {@code CellMain <system> <variant> <threads> <warmup-ms> <measure-ms> <disk-dir>}, where
 * disk-dir is a directory on the real disk under which the cell makes a fresh directory for a durable log.
 */
public final class CellMain {
    /**
     * Set (-Dbench.countSyncs=true) for a sync-counting run: a system whose syncs happen in
     * another process (a database server) then counts them during the measured period, and
     * says how on a line of its own.
     */
    static final boolean COUNTING = Boolean.getBoolean("bench.countSyncs");
    static final String EXTERNAL_SYNCS = "EXTERNAL-SYNCS ";
    /** The system property with --warmup-max, in milliseconds; absent: the warm-up is exactly as given. */
    static final String WARMUP_MAX = "bench.warmupMaxMillis";

    private CellMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: CellMain <system> <variant> <threads> <warmup-ms> <measure-ms> <disk-dir>");
            System.exit(2);
        }
        Cell cell = new Cell(args[0], args[1], Integer.parseInt(args[2]));
        long warmup = Long.parseLong(args[3]);
        long measure = Long.parseLong(args[4]);
        Path scratch = Files.createTempDirectory(tmpfs(), "pactum-bench-");
        Path disk = Files.createTempDirectory(DiskDirectory.check(Paths.get(args[5])), "cell-");
        try {
            CellResult result = run(cell, warmup, measure, new Dirs(scratch, disk));
            System.out.println(result.toLine());
            System.out.flush();
        } finally {
            deleteTree(scratch);
            deleteTree(disk);
        }
        // Some systems leave non-daemon threads behind; the cell is over.
        System.exit(0);
    }

    private record Dirs(Path scratch, Path disk) {
    }

    private static CellResult run(Cell cell, long warmup, long measure, Dirs dirs) throws Exception {
        Workload workload = Workloads.get(cell.variant()).factory().get();
        Setup setup = new Setup(cell.threads(), workload.resourceManagers(), dirs.scratch(), dirs.disk());
        SystemUnderTest.Running sut = Systems.get(cell.system()).system().start(setup);
        try {
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            SystemUnderTest.SyncCounter external = COUNTING ? sut.externalSyncs() : null;
            SystemUnderTest.Counted[] counted = new SystemUnderTest.Counted[1];
            Driver.Period period = external == null ? Driver.Period.NONE : new Driver.Period() {
                @Override
                public void started() throws Exception {
                    external.start();
                }

                @Override
                public void ended() throws Exception {
                    counted[0] = external.stop();
                }
            };
            Driver.Outcome outcome = new Driver().run(sut, workload, cell.threads(),
                    new Driver.Warmup(warmup, Long.getLong(WARMUP_MAX, 0)), measure, period);
            System.err.printf(Locale.ROOT, "warm-up %.1f s; the JIT compiler worked %d ms in the measured period%n",
                    outcome.warmupMillis() / 1000.0, outcome.jitMillis());
            // Each thread's committed transactions against its resources' calls: the protocol really ran.
            outcome.calls().forEach(System.err::println);
            if (outcome.firstError() != null) {
                System.err.println("first error: " + outcome.firstError());
            }
            CellResult result = CellResult.of(cell, outcome, load);
            if (counted[0] == null) {
                return result;
            }
            System.out.println(EXTERNAL_SYNCS + counted[0].how());
            return result.withSyncs(counted[0].syncs(), outcome.transactions());
        } finally {
            sut.stop().close();
        }
    }

    /** /dev/shm when there is one: scratch files then cost CPU only, never disk I/O. */
    private static Path tmpfs() {
        Path shm = Paths.get("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Paths.get(System.getProperty("java.io.tmpdir"));
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
