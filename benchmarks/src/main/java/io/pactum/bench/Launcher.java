package io.pactum.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts one fresh JVM per cell, with the same classpath as this one, and reads back its
 * RESULT line. The cell's whole output goes to a log file, kept for when a cell fails.
 */
final class Launcher {
    /** Every cell's heap, fixed so that no system gets more room than another. */
    static final List<String> HEAP = List.of("-Xms1g", "-Xmx1g");

    private final Options options;
    private final Path logDir;
    private volatile Process current;

    Launcher(Options options, Path logDir) {
        this.options = options;
        this.logDir = logDir;
        Runtime.getRuntime().addShutdownHook(new Thread(this::killCurrent, "bench-launcher-stop"));
    }

    /** The result, or empty when the cell failed; the log file then says why. */
    Optional<CellResult> run(Cell cell, int rep) throws IOException, InterruptedException {
        Path log = logOf(cell, rep);
        List<String> extra = options.warmupMaxMillis > 0
                ? List.of("-D" + CellMain.WARMUP_MAX + "=" + options.warmupMaxMillis) : List.of();
        List<String> cmd = command(cell, extra, options.warmupMillis, options.measureMillis);
        return start(cmd, log, options.longestWarmupMillis() + options.measureMillis) ? resultIn(log) : Optional.empty();
    }

    /**
     * Runs a cell once more under strace, which records the time of every sync call of the JVM,
     * and counts those within the measured period. A system whose syncs happen in a database
     * server counts them itself (its RESULT line has them); strace's count is then the JVM's own.
     */
    Optional<SyncCount> runCounted(Cell cell) throws IOException, InterruptedException {
        Path log = logDir.resolve("count-" + cell.fileName() + ".log");
        Path trace = logDir.resolve("count-" + cell.fileName() + ".strace");
        List<String> cmd = new ArrayList<>(SyncTrace.command(trace));
        cmd.addAll(command(cell, List.of("-Dbench.countSyncs=true"), options.countWarmupMillis,
                options.countMeasureMillis));
        if (!start(cmd, log, options.countWarmupMillis + options.countMeasureMillis + 15_000)) {
            return Optional.empty();
        }
        Optional<CellResult> r = resultIn(log);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        SyncTrace.Counts own = SyncTrace.count(trace, r.get().windowStartMicros(), r.get().windowEndMicros());
        Files.deleteIfExists(trace); // a 64-thread trace holds every sync: tens of MB, and summarised now
        return Optional.of(SyncCount.of(r.get(), own, lastLineStarting(log, CellMain.EXTERNAL_SYNCS).orElse(null)));
    }

    private boolean start(List<String> cmd, Path log, long cellMillis) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        current = p;
        long limit = cellMillis + 120_000;
        boolean ended = p.waitFor(limit, TimeUnit.MILLISECONDS);
        current = null;
        if (!ended) {
            p.destroyForcibly().waitFor();
            Files.writeString(log, "\nbench: killed after " + limit + " ms\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
            return false;
        }
        return true;
    }

    Path logOf(Cell cell, int rep) {
        return logDir.resolve("rep" + rep + "-" + cell.fileName() + ".log");
    }

    private List<String> command(Cell cell, List<String> extra, long warmupMillis, long measureMillis) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(HEAP);
        cmd.addAll(options.jvmArgs);
        cmd.addAll(extra);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(CellMain.class.getName());
        cmd.add(cell.system());
        cmd.add(cell.variant());
        cmd.add(Integer.toString(cell.threads()));
        cmd.add(Long.toString(warmupMillis));
        cmd.add(Long.toString(measureMillis));
        cmd.add(options.diskDir.toAbsolutePath().toString());
        return cmd;
    }

    /** Runs another main class of this module in a fresh JVM (the space run); true when it ended by itself. */
    boolean runMain(Class<?> main, List<String> args, Path log, long limitMillis)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(HEAP);
        cmd.addAll(options.jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(args);
        return start(cmd, log, limitMillis);
    }

    private static Optional<CellResult> resultIn(Path log) throws IOException {
        return lastLineStarting(log, CellResult.PREFIX).map(rest -> CellResult.parse(CellResult.PREFIX + rest));
    }

    /** The rest of the last line that starts with {@code prefix}. */
    private static Optional<String> lastLineStarting(Path log, String prefix) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(prefix)) {
                return Optional.of(lines.get(i).substring(prefix.length()));
            }
        }
        return Optional.empty();
    }

    private void killCurrent() {
        Process p = current;
        if (p != null) {
            p.destroyForcibly();
        }
    }
}
