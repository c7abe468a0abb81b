package io.pactum.bench;

import io.pactum.bench.sut.Systems;
import io.pactum.bench.workload.Workloads;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The Markdown tables: one per variant, a row per thread count, for each system its median
 * tx/s, p50 and p99 over the repetitions, then the first system's throughput ratio to each other.
 */
final class Report {
    private final Options options;
    private final List<Measured> all;

    Report(Options options, List<Measured> all) {
        this.options = options;
        this.all = all;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        for (String variant : options.variants) {
            md.append("### ").append(variant).append(": ").append(Workloads.get(variant).description())
                    .append("\n\n");
            table(md, variant);
            notes(md, variant);
            md.append('\n');
        }
        return md.toString();
    }

    private void table(StringBuilder md, String variant) {
        List<String> header = new ArrayList<>(List.of("threads"));
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
