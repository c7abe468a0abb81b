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
 * always first or last when the shared machine gets busy. With a durable log in the run, the
 * disk's own sync rate is measured before each group of cells, and after the repetitions one
 * more run per cell counts its syncs.
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
            if (options.durable() || options.suite == Options.Suite.SPACE) {
                DiskDirectory.check(options.diskDir);
            }
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Files.createDirectories(options.out);
        Path logDir = Files.createDirectories(options.out.resolve(runId + "-logs"));
        Launcher launcher = new Launcher(options, logDir);
        if (options.suite == Options.Suite.SPACE) {
            SpaceRun.run(options, launcher, runId, logDir);
            return;
        }
        Path csv = options.out.resolve(runId + ".csv");
        String header = header(options);
        System.err.print(header);
        List<DiskRate> disk = new ArrayList<>();
        List<Measured> all = runAll(options, launcher, csv, disk);
        List<SyncCount> syncs = options.countingSyncs() ? countSyncs(options, launcher, runId) : List.of();
        String report = header + "Load average at the end: " + loadAverage() + "\n\n"
                + new Report(options, all, disk, syncs).markdown() + "Raw results: " + csv.toAbsolutePath() + "\n";
        Files.writeString(options.out.resolve(runId + ".md"), report, StandardCharsets.UTF_8);
        System.out.print(report);
    }

    /** The disk's sync rate, measured just before the cells of one thread count in one repetition. */
    record DiskRate(int rep, int threads, DiskSyncProbe.Rate rate) {
    }

    private static List<Measured> runAll(Options o, Launcher launcher, Path csv, List<DiskRate> disk)
            throws IOException, InterruptedException {
        int total = o.reps * o.variants.size() * o.threads.size() * o.systems.size();
        List<Measured> all = new ArrayList<>(total);
        boolean probe = o.durable() && o.syncProbeMillis > 0;
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("rep,seq,started," + CellResult.csvHeader() + ",warmup_ms,measure_ms,disk_syncs_per_s\n");
            for (int rep = 1; rep <= o.reps; rep++) {
                List<String> order = rotated(o.systems, rep - 1);
                for (String variant : o.variants) {
                    for (int threads : o.threads) {
                        DiskRate rate = probe ? probeDisk(o, rep, threads) : null;
                        if (rate != null) {
                            disk.add(rate);
                        }
                        for (String system : order) {
                            Cell cell = new Cell(system, variant, threads);
                            String started = LocalDateTime.now().withNano(0).toString();
                            Optional<CellResult> r = launcher.run(cell, rep);
                            Measured m = new Measured(rep, cell, r.orElse(null));
                            all.add(m);
                            progress(all.size(), total, m, launcher.logOf(cell, rep));
                            if (m.ok()) {
                                out.write(rep + "," + all.size() + "," + started + "," + m.result().toCsv() + ","
                                        + o.warmupMillis + "," + o.measureMillis + ","
                                        + (rate == null ? "" : Math.round(rate.rate().perSecond())) + "\n");
                                out.flush();
                            }
                        }
                    }
                }
            }
        }
        return all;
    }

    private static DiskRate probeDisk(Options o, int rep, int threads) throws IOException {
        DiskSyncProbe.Rate r = DiskSyncProbe.measure(o.diskDir, o.syncProbeMillis);
        System.err.printf(Locale.ROOT, "disk: %,.0f syncs/s (8 kB write + fdatasync, %.0f µs each), load %s%n",
                r.perSecond(), r.microsPerSync(), loadAverage());
        return new DiskRate(rep, threads, r);
    }

    /** One counting run per (variant, threads, system), after the measured repetitions. */
    private static List<SyncCount> countSyncs(Options o, Launcher launcher, String runId)
            throws IOException, InterruptedException {
        if (!SyncTrace.available()) {
            System.err.println("bench: strace not found, so syncs are not counted: install it (apt-get install strace)");
            return List.of();
        }
        List<SyncCount> counts = new ArrayList<>();
        Path csv = o.out.resolve(runId + "-syncs.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("system,variant,threads,tx_per_s_traced,syncs,syncs_per_tx,how\n");
            for (String variant : o.variants) {
                for (int threads : o.threads) {
                    for (String system : o.systems) {
                        Cell cell = new Cell(system, variant, threads);
                        Optional<SyncCount> c = launcher.runCounted(cell);
                        String what = String.format(Locale.ROOT, "[count] %-16s %-6s t=%-2d ", system, variant, threads);
                        if (c.isEmpty()) {
                            System.err.println(what + "FAILED, see the count-" + cell.fileName() + ".log");
                            continue;
                        }
                        counts.add(c.get());
                        System.err.printf(Locale.ROOT, "%s%.3f syncs/tx (%s)%n", what, c.get().perTx(), c.get().how());
                        out.write(String.format(Locale.ROOT, "%s,%s,%d,%.1f,%d,%.4f,\"%s\"%n", system, variant, threads,
                                c.get().result().txPerSecond(), c.get().syncs(), c.get().perTx(), c.get().how()));
                        out.flush();
                    }
                }
            }
        }
        return counts;
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
                + " µs  p99 " + Report.micros(r.p99Micros()) + " µs  " + r.allocBytesPerTx() + " B/tx  "
                + (r.cpuNanosPerTx() < 0 ? "" : Report.micros(r.cpuNanosPerTx() / 1000.0) + " µs CPU/tx")
                + (r.errors() > 0 ? "  ERRORS " + r.errors() : ""));
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static String header(Options o) throws IOException {
        String how = o.suite == Options.Suite.SPACE ? "One fresh JVM (" + String.join(" ", Launcher.HEAP) + ")."
                : String.format(Locale.ROOT, "Median of %d repetition(s); per cell a fresh JVM (%s), %.1f s warm-up%s, "
                        + "%.1f s measured.", o.reps, String.join(" ", Launcher.HEAP), o.warmupMillis / 1000.0,
                        o.warmupMaxMillis > 0 ? String.format(Locale.ROOT, " (longer while the JIT compiler is busy, "
                                + "up to %.1f s)", o.warmupMaxMillis / 1000.0) : "",
                        o.measureMillis / 1000.0);
        String h = String.format(Locale.ROOT, """
                ## Pactum benchmark, %s
                %s
                Java %s, %d CPUs, load average (1, 5, 15 min) %s at start. Extra JVM options: %s
                """, LocalDateTime.now().withNano(0), how, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), loadAverage(),
                o.jvmArgs.isEmpty() ? "none" : String.join(" ", o.jvmArgs));
        if (o.durable() || o.suite == Options.Suite.SPACE) {
            h += "Durable logs in " + DiskDirectory.describe(o.diskDir) + ".\n";
        }
        return h;
    }
}
