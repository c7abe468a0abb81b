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
import java.util.stream.Stream;

/**
 * The JVM of one cell: starts the system, runs the workload, prints one RESULT line and exits.
 * Usage: {@code CellMain <system> <variant> <threads> <warmup-ms> <measure-ms>}.
 */
public final class CellMain {
    private CellMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: CellMain <system> <variant> <threads> <warmup-ms> <measure-ms>");
            System.exit(2);
        }
        Cell cell = new Cell(args[0], args[1], Integer.parseInt(args[2]));
        long warmup = Long.parseLong(args[3]);
        long measure = Long.parseLong(args[4]);
        Path scratch = Files.createTempDirectory(tmpfs(), "pactum-bench-");
        try {
            CellResult result = run(cell, warmup, measure, scratch);
            System.out.println(result.toLine());
            System.out.flush();
        } finally {
            deleteTree(scratch);
        }
        // Some systems leave non-daemon threads behind; the cell is over.
        System.exit(0);
    }

    private static CellResult run(Cell cell, long warmup, long measure, Path scratch) throws Exception {
        Workload workload = Workloads.get(cell.variant()).factory().get();
        Setup setup = new Setup(cell.threads(), workload.resourceManagers(), scratch);
        SystemUnderTest.Running sut = Systems.get(cell.system()).system().start(setup);
        try {
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            Driver.Outcome outcome = new Driver().run(sut.transactionManager(), workload, cell.threads(), warmup,
                    measure);
            // Each thread's committed transactions against its resources' calls: the protocol really ran.
            outcome.calls().forEach(System.err::println);
            if (outcome.firstError() != null) {
                System.err.println("first error: " + outcome.firstError());
            }
            return CellResult.of(cell, outcome, load);
        } finally {
            sut.stop().close();
        }
    }

    /** /dev/shm when there is one: scratch files then cost CPU only, never disk I/O. */
    private static Path tmpfs() {
        Path shm = Paths.get("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Paths.get(System.getProperty("java.io.tmpdir"));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
