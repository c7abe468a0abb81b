package io.pactum.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs every cell (system x variant x thread count) of every repetition, each in a fresh JVM,
 * then prints the Markdown tables. Within a repetition the systems of one (variant, threads)
 * run back to back, and their order rotates from one repetition to the next, so that none is
 * always first or last when the shared machine gets busy.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (Options.wantsHelp(args)) {
            System.out.print(Options.USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Files.createDirectories(options.out);
        Path logDir = Files.createDirectories(options.out.resolve(runId + "-logs"));
        Path csv = options.out.resolve(runId + ".csv");
        String header = header(options);
        System.err.print(header);
        List<Measured> all = runAll(options, new Launcher(options, logDir), csv);
        String report = header + "\n" + new Report(options, all).markdown()
                + "Raw results: " + csv.toAbsolutePath() + "\n";
        Files.writeString(options.out.resolve(runId + ".md"), report, StandardCharsets.UTF_8);
        System.out.print(report);
    }

    private static List<Measured> runAll(Options o, Launcher launcher, Path csv)
            throws IOException, InterruptedException {
        int total = o.reps * o.variants.size() * o.threads.size() * o.systems.size();
        List<Measured> all = new ArrayList<>(total);
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("rep,seq,started," + CellResult.csvHeader() + ",warmup_ms,measure_ms\n");
            for (int rep = 1; rep <= o.reps; rep++) {
                List<String> order = rotated(o.systems, rep - 1);
                for (String variant : o.variants) {
                    for (int threads : o.threads) {
                        for (String system : order) {
                            Cell cell = new Cell(system, variant, threads);
                            String started = LocalDateTime.now().withNano(0).toString();
                            Optional<CellResult> r = launcher.run(cell, rep);
                            Measured m = new Measured(rep, cell, r.orElse(null));
                            all.add(m);
                            progress(all.size(), total, m, launcher.logOf(cell, rep));
                            if (m.ok()) {
                                out.write(rep + "," + all.size() + "," + started + "," + m.result().toCsv() + ","
                                        + o.warmupMillis + "," + o.measureMillis + "\n");
                                out.flush();
                            }
                        }
                    }
                }
            }
        }
        return all;
    }

    static List<String> rotated(List<String> systems, int by) {
        List<String> order = new ArrayList<>(systems.size());
        for (int i = 0; i < systems.size(); i++) {
            order.add(systems.get((i + by) % systems.size()));
        }
        return order;
    }

    private static void progress(int done, int total, Measured m, Path log) {
        Cell c = m.cell();
        String what = String.format(Locale.ROOT, "[%d/%d] rep %d %-8s %-6s t=%-2d ", done, total, m.rep(), c.system(),
                c.variant(), c.threads());
        if (!m.ok()) {
            System.err.println(what + "FAILED, see " + log);
            return;
        }
        CellResult r = m.result();
        System.err.println(what + Report.rate(r.txPerSecond()) + " tx/s  p50 " + Report.micros(r.p50Micros())
                + " µs  p99 " + Report.micros(r.p99Micros()) + " µs  " + r.allocBytesPerTx() + " B/tx"
                + (r.errors() > 0 ? "  ERRORS " + r.errors() : ""));
    }

    private static String header(Options o) {
        return String.format(Locale.ROOT, """
                ## Pactum benchmark, %s
                Median of %d repetition(s); per cell a fresh JVM (%s), %.1f s warm-up, %.1f s measured.
                Java %s, %d CPUs, load average %.2f at start. Extra JVM options: %s
                """, LocalDateTime.now().withNano(0), o.reps, String.join(" ", Launcher.HEAP),
                o.warmupMillis / 1000.0, o.measureMillis / 1000.0, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                o.jvmArgs.isEmpty() ? "none" : String.join(" ", o.jvmArgs));
    }
}
