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
        ProcessBuilder pb = new ProcessBuilder(command(cell));
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        current = p;
        long limit = options.warmupMillis + options.measureMillis + 120_000;
        boolean ended = p.waitFor(limit, TimeUnit.MILLISECONDS);
        current = null;
        if (!ended) {
            p.destroyForcibly().waitFor();
            Files.writeString(log, "\nbench: killed after " + limit + " ms\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
            return Optional.empty();
        }
        return resultIn(log);
    }

    Path logOf(Cell cell, int rep) {
        return logDir.resolve("rep" + rep + "-" + cell.fileName() + ".log");
    }

    private List<String> command(Cell cell) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(HEAP);
        cmd.addAll(options.jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(CellMain.class.getName());
        cmd.add(cell.system());
        cmd.add(cell.variant());
        cmd.add(Integer.toString(cell.threads()));
        cmd.add(Long.toString(options.warmupMillis));
        cmd.add(Long.toString(options.measureMillis));
        return cmd;
    }

    private static Optional<CellResult> resultIn(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(CellResult.PREFIX)) {
                return Optional.of(CellResult.parse(lines.get(i)));
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
