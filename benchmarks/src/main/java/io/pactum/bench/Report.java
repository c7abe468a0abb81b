package io.pactum.bench;

import io.pactum.bench.sut.Systems;
import io.pactum.bench.workload.Workloads;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import java.util.function.ToDoubleFunction;

/**
 * The Markdown tables: one per variant, a row per thread count, for each system its median
 * tx/s, p50 and p99 over the repetitions, then the first system's throughput ratio to each other.
 * With durable logs also the disk's sync rate, the syncs per transaction of each system, and the
 * first system against the disk and against its best peer.
 */
final class Report {
    private final Options options;
    private final List<Measured> all;
    private final List<BenchMain.DiskRate> disk;
    private final List<SyncCount> syncs;

    Report(Options options, List<Measured> all, List<BenchMain.DiskRate> disk, List<SyncCount> syncs) {
        this.options = options;
        this.all = all;
        this.disk = disk;
        this.syncs = syncs;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        for (String variant : options.variants) {
            md.append("### ").append(variant).append(": ").append(Workloads.get(variant).description())
                    .append("\n\n");
            if (!disk.isEmpty()) {
                md.append("disk syncs/s: the disk's own rate, one thread writing 8 kB and forcing the file (fdatasync) "
                        + "in a loop for ").append(String.format(Locale.ROOT, "%.1f", options.syncProbeMillis / 1000.0))
                        .append(" s before the cells of each thread count (median over the repetitions).\n\n");
            }
            table(md, variant);
            notes(md, variant);
            md.append('\n');
            cpuTable(md, variant);
            if (!syncs.isEmpty()) {
                syncTable(md, variant);
            }
            if (!disk.isEmpty()) {
                targets(md, variant);
            }
        }
        return md.toString();
    }

    private void table(StringBuilder md, String variant) {
        List<String> header = new ArrayList<>(List.of("threads"));
        if (!disk.isEmpty()) {
            header.add("disk syncs/s");
        }
        for (String s : options.systems) {
            header.add(label(s) + " tx/s");
            header.add("p50 µs");
            header.add("p99 µs");
        }
        String base = options.systems.get(0);
        for (String peer : options.systems.subList(1, options.systems.size())) {
            header.add(label(base) + "/" + label(peer));
        }
        row(md, header);
        md.append("|---").append("|---:".repeat(header.size() - 1)).append("|\n");
        for (int threads : options.threads) {
            List<String> cells = new ArrayList<>(List.of(Integer.toString(threads)));
            if (!disk.isEmpty()) {
                List<Double> rates = diskRates(threads);
                cells.add(rates.isEmpty() ? "" : rate(median(rates)));
            }
            for (String s : options.systems) {
                List<CellResult> rs = results(s, variant, threads);
                cells.add(rs.isEmpty() ? "fail" : rate(median(rs, CellResult::txPerSecond)));
                cells.add(rs.isEmpty() ? "" : micros(median(rs, CellResult::p50Micros)));
                cells.add(rs.isEmpty() ? "" : micros(median(rs, CellResult::p99Micros)));
            }
            for (String peer : options.systems.subList(1, options.systems.size())) {
                List<Double> ratios = pairedRatios(base, peer, variant, threads);
                cells.add(ratios.isEmpty() ? "" : String.format(Locale.ROOT, "%.2f×", median(ratios)));
            }
            row(md, cells);
        }
    }

    /**
     * The client JVM's CPU time per transaction (all its threads, median over the repetitions):
     * where the client shares the machine's cores with the databases, what it burns is taken
     * from them.
     */
    private void cpuTable(StringBuilder md, String variant) {
        md.append("Client CPU per transaction, µs (the benchmark JVM's process CPU time over the measured period, "
                + "divided by its transactions):\n\n");
        List<String> header = new ArrayList<>(List.of("threads"));
        options.systems.forEach(s -> header.add(label(s)));
        row(md, header);
        md.append("|---").append("|---:".repeat(header.size() - 1)).append("|\n");
        for (int threads : options.threads) {
            List<String> cells = new ArrayList<>(List.of(Integer.toString(threads)));
            for (String s : options.systems) {
                List<CellResult> rs = results(s, variant, threads).stream().filter(r -> r.cpuNanosPerTx() >= 0)
                        .toList();
                cells.add(rs.isEmpty() ? "" : micros(median(rs, r -> r.cpuNanosPerTx() / 1000.0)));
            }
            row(md, cells);
        }
        md.append('\n');
        warmupNote(md, variant);
    }

    /**
     * How long the cells really warmed up and how much the JIT compiler still worked while they
     * were measured: a measured period that overlaps the compiler's work is not a steady state.
     */
    private void warmupNote(StringBuilder md, String variant) {
        List<CellResult> rs = new ArrayList<>();
        for (int threads : options.threads) {
            for (String s : options.systems) {
                rs.addAll(results(s, variant, threads));
            }
        }
        LongSummaryStatistics warm = rs.stream().mapToLong(CellResult::warmedUpMillis).filter(m -> m >= 0)
                .summaryStatistics();
        LongSummaryStatistics jit = rs.stream().mapToLong(CellResult::jitMillis).filter(m -> m >= 0)
                .summaryStatistics();
        if (warm.getCount() == 0 || jit.getCount() == 0) {
            return;
        }
        md.append(String.format(Locale.ROOT, "Warm-up per cell %.1f-%.1f s; the JIT compiler worked at most %d ms "
                + "in a measured period (CSV: `warmed_up_ms`, `jit_ms`).%n%n", warm.getMin() / 1000.0,
                warm.getMax() / 1000.0, jit.getMax()));
    }

    private List<Double> diskRates(int threads) {
        return disk.stream().filter(d -> d.threads() == threads).map(d -> d.rate().perSecond()).toList();
    }

    /** Syncs per transaction of each system, from the counting runs. */
    private void syncTable(StringBuilder md, String variant) {
        md.append(String.format(Locale.ROOT, "Syncs per committed transaction (one counting run per cell after the "
                + "repetitions, %.1f s warm-up + %.1f s measured, under strace: slower than the runs above, so it "
                + "counts syncs, it does not time them; the tx/s in brackets is that run's):%n%n",
                options.countWarmupMillis / 1000.0, options.countMeasureMillis / 1000.0));
        List<String> header = new ArrayList<>(List.of("threads"));
        options.systems.forEach(s -> header.add(label(s) + " syncs/tx"));
        row(md, header);
        md.append("|---").append("|---:".repeat(header.size() - 1)).append("|\n");
        List<String> how = new ArrayList<>();
        for (int threads : options.threads) {
            List<String> cells = new ArrayList<>(List.of(Integer.toString(threads)));
            for (String s : options.systems) {
                SyncCount c = syncCount(new Cell(s, variant, threads));
                cells.add(c == null ? "fail" : String.format(Locale.ROOT, "%.3f (%s)", c.perTx(),
                        rate(c.result().txPerSecond())));
                if (c != null) {
                    how.add("- " + label(s) + " t=" + threads + ": " + c.how());
                }
            }
            row(md, cells);
        }
        md.append("\nCounted from:\n").append(String.join("\n", how)).append("\n\n");
    }

    private SyncCount syncCount(Cell cell) {
        return syncs.stream().filter(c -> c.result().system().equals(cell.system())
                && c.result().variant().equals(cell.variant()) && c.result().threads() == cell.threads()).findFirst()
                .orElse(null);
    }

    /**
     * The first system against the targets: at 1 thread against the disk's sync rate,
     * at every thread count against the best Narayana or Atomikos system of the same repetition,
     * and its p99 latency. Each is computed within a repetition, then the median is taken.
     */
    private void targets(StringBuilder md, String variant) {
        String base = options.systems.get(0);
        List<String> peers = options.systems.stream().filter(s -> s.startsWith("narayana") || s.startsWith("atomikos"))
                .toList();
        md.append("Ratios (per repetition, then the median):\n\n");
        for (int threads : options.threads) {
            List<Double> ofDisk = new ArrayList<>();
            List<Double> ofBest = new ArrayList<>();
            for (int rep = 1; rep <= options.reps; rep++) {
                CellResult b = find(rep, new Cell(base, variant, threads));
                if (b == null) {
                    continue;
                }
                for (BenchMain.DiskRate d : disk) {
                    if (d.rep() == rep && d.threads() == threads) {
                        ofDisk.add(b.txPerSecond() / d.rate().perSecond());
                    }
                }
                double best = 0;
                for (String p : peers) {
                    CellResult r = find(rep, new Cell(p, variant, threads));
                    best = r == null ? best : Math.max(best, r.txPerSecond());
                }
                if (best > 0) {
                    ofBest.add(b.txPerSecond() / best);
                }
            }
            List<CellResult> rs = results(base, variant, threads);
            md.append(String.format(Locale.ROOT, "- t=%d: %s = %s of the disk's sync rate", threads, label(base),
                    ofDisk.isEmpty() ? "?" : String.format(Locale.ROOT, "%.0f %%", 100 * median(ofDisk))));
            if (!peers.isEmpty()) {
                md.append(String.format(Locale.ROOT, ", %s× the best of %s", ofBest.isEmpty() ? "?"
                        : String.format(Locale.ROOT, "%.2f", median(ofBest)),
                        String.join("/", peers.stream().map(Report::label).toList())));
            }
            md.append(rs.isEmpty() ? "" : String.format(Locale.ROOT, ", p99 %s µs", micros(median(rs,
                    CellResult::p99Micros))));
            md.append('\n');
        }
        md.append('\n');
    }

    /** Failed cells and cells with failed transactions, so a number is never read without them. */
    private void notes(StringBuilder md, String variant) {
        for (Measured m : all) {
            if (!m.cell().variant().equals(variant)) {
                continue;
            }
            if (!m.ok()) {
                md.append("\n- rep ").append(m.rep()).append(' ').append(m.cell().fileName())
                        .append(": the cell failed, see its log");
            } else if (m.result().errors() > 0) {
                md.append("\n- rep ").append(m.rep()).append(' ').append(m.cell().fileName()).append(": ")
                        .append(m.result().errors()).append(" failed transactions, see its log");
            }
        }
    }

    private List<CellResult> results(String system, String variant, int threads) {
        List<CellResult> rs = new ArrayList<>();
        for (Measured m : all) {
            if (m.ok() && m.cell().equals(new Cell(system, variant, threads))) {
                rs.add(m.result());
            }
        }
        return rs;
    }

    /**
     * base / peer within each repetition, where the two ran minutes apart at most: on a shared
     * machine that cancels much of the drift that a ratio of two medians would keep.
     */
    private List<Double> pairedRatios(String base, String peer, String variant, int threads) {
        List<Double> ratios = new ArrayList<>();
        for (int rep = 1; rep <= options.reps; rep++) {
            CellResult b = find(rep, new Cell(base, variant, threads));
            CellResult p = find(rep, new Cell(peer, variant, threads));
            if (b != null && p != null && p.txPerSecond() > 0) {
                ratios.add(b.txPerSecond() / p.txPerSecond());
            }
        }
        return ratios;
    }

    private CellResult find(int rep, Cell cell) {
        for (Measured m : all) {
            if (m.rep() == rep && m.ok() && m.cell().equals(cell)) {
                return m.result();
            }
        }
        return null;
    }

    static double median(List<CellResult> rs, ToDoubleFunction<CellResult> f) {
        return median(rs.stream().map(r -> f.applyAsDouble(r)).toList());
    }

    static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    private static String label(String system) {
        return Systems.get(system).label();
    }

    static String rate(double txPerSecond) {
        return String.format(Locale.ROOT, "%,.0f", txPerSecond);
    }

    static String micros(double us) {
        if (us < 10) {
            return String.format(Locale.ROOT, "%.2f", us);
        }
        if (us < 1000) {
            return String.format(Locale.ROOT, "%.1f", us);
        }
        return String.format(Locale.ROOT, "%,.0f", us);
    }

    private static void row(StringBuilder md, List<String> cells) {
        md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
