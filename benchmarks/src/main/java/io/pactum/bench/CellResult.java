package io.pactum.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one cell (one system, variant and thread count, in its own JVM) measured. The cell's JVM
 * prints it as one {@code RESULT key=value ...} line; the launcher reads it back. The measured
 * period's wall-clock window lets the launcher count the syncs an strace of the cell saw in it;
 * {@code syncs} is that count (or the database server's count for a database log, or -1), made
 * while {@code syncTransactions} transactions ran. {@code warmedUpMillis} is how long the warm-up
 * really took, {@code jitMillis} how long the JIT compiler worked in the measured period (-1: not known).
 */
record CellResult(String system, String variant, int threads, long transactions, long errors, double seconds,
        double txPerSecond, double p50Micros, double p90Micros, double p99Micros, double p999Micros,
        double maxMicros, double meanMicros, long gcCount, long gcMillis, long allocBytesPerTx, long cpuNanosPerTx,
        double loadAverage, long windowStartMicros, long windowEndMicros, long syncs, long syncTransactions,
        long warmedUpMillis, long jitMillis) {

    static final String PREFIX = "RESULT ";

    static CellResult of(Cell cell, Driver.Outcome o, double loadAverage) {
        LatencyHistogram h = o.latency();
        return new CellResult(cell.system(), cell.variant(), cell.threads(), o.transactions(), o.errors(), o.seconds(),
                o.transactions() / o.seconds(), micros(h.percentile(0.50)), micros(h.percentile(0.90)),
                micros(h.percentile(0.99)), micros(h.percentile(0.999)), micros(h.max()), h.mean() / 1000.0,
                o.gcCount(), o.gcMillis(), perTransaction(o.allocatedBytes(), o.transactions()),
                perTransaction(o.cpuNanos(), o.transactions()), loadAverage,
                o.window().startMicros(), o.window().endMicros(), -1, o.transactions(), o.warmupMillis(),
                o.jitMillis());
    }

    CellResult withSyncs(long count, long whileTransactions) {
        return new CellResult(system, variant, threads, transactions, errors, seconds, txPerSecond, p50Micros,
                p90Micros, p99Micros, p999Micros, maxMicros, meanMicros, gcCount, gcMillis, allocBytesPerTx,
                cpuNanosPerTx, loadAverage, windowStartMicros, windowEndMicros, count, whileTransactions,
                warmedUpMillis, jitMillis);
    }

    /** Syncs per committed transaction, or NaN when they were not counted. */
    double syncsPerTx() {
        return syncs < 0 || syncTransactions == 0 ? Double.NaN : (double) syncs / syncTransactions;
    }

    private static long perTransaction(long total, long transactions) {
        return total < 0 || transactions == 0 ? -1 : Math.round((double) total / transactions);
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }

    String toLine() {
        return PREFIX + String.format(Locale.ROOT,
                "system=%s variant=%s threads=%d transactions=%d errors=%d seconds=%.4f tx_per_s=%.1f "
                        + "p50_us=%.2f p90_us=%.2f p99_us=%.2f p999_us=%.2f max_us=%.2f mean_us=%.2f "
                        + "gc_count=%d gc_ms=%d alloc_b_per_tx=%d cpu_ns_per_tx=%d loadavg=%.2f window_start_us=%d window_end_us=%d "
                        + "syncs=%d sync_tx=%d warmed_up_ms=%d jit_ms=%d",
                system, variant, threads, transactions, errors, seconds, txPerSecond, p50Micros, p90Micros,
                p99Micros, p999Micros, maxMicros, meanMicros, gcCount, gcMillis, allocBytesPerTx, cpuNanosPerTx,
                loadAverage, windowStartMicros, windowEndMicros, syncs, syncTransactions, warmedUpMillis, jitMillis);
    }

    static CellResult parse(String line) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String pair : line.substring(PREFIX.length()).trim().split(" ")) {
            int eq = pair.indexOf('=');
            f.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return new CellResult(f.get("system"), f.get("variant"), Integer.parseInt(f.get("threads")),
                Long.parseLong(f.get("transactions")), Long.parseLong(f.get("errors")), d(f, "seconds"),
                d(f, "tx_per_s"), d(f, "p50_us"), d(f, "p90_us"), d(f, "p99_us"), d(f, "p999_us"), d(f, "max_us"),
                d(f, "mean_us"), Long.parseLong(f.get("gc_count")), Long.parseLong(f.get("gc_ms")),
                Long.parseLong(f.get("alloc_b_per_tx")), Long.parseLong(f.getOrDefault("cpu_ns_per_tx", "-1")),
                d(f, "loadavg"), Long.parseLong(f.get("window_start_us")),
                Long.parseLong(f.get("window_end_us")), Long.parseLong(f.get("syncs")),
                Long.parseLong(f.get("sync_tx")), Long.parseLong(f.getOrDefault("warmed_up_ms", "-1")),
                Long.parseLong(f.getOrDefault("jit_ms", "-1")));
    }

    private static double d(Map<String, String> f, String key) {
        return Double.parseDouble(f.get(key));
    }

    static String csvHeader() {
        return "system,variant,threads,transactions,errors,seconds,tx_per_s,p50_us,p90_us,p99_us,p999_us,max_us,"
                + "mean_us,gc_count,gc_ms,alloc_b_per_tx,cpu_ns_per_tx,loadavg,syncs,syncs_per_tx,warmed_up_ms,jit_ms";
    }

    String toCsv() {
        return String.format(Locale.ROOT,
                "%s,%s,%d,%d,%d,%.4f,%.1f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%d,%d,%d,%d,%.2f,%d,%s,%d,%d", system, variant,
                threads,
                transactions, errors, seconds, txPerSecond, p50Micros, p90Micros, p99Micros, p999Micros, maxMicros,
                meanMicros, gcCount, gcMillis, allocBytesPerTx, cpuNanosPerTx, loadAverage, syncs,
                syncs < 0 ? "" : String.format(Locale.ROOT, "%.3f", syncsPerTx()), warmedUpMillis, jitMillis);
    }
}
