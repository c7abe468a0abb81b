package io.pactum.bench;

import io.pactum.bench.sut.Systems;
import io.pactum.bench.workload.Workloads;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The command line of {@link BenchMain}; see {@link #USAGE}. */
final class Options {
    static final String USAGE = """
            usage: run.sh [options]
              --suite NAME          cpu (default): %s, variants %s, logs in memory or on tmpfs;
                                    durable: %s, 2pc, logs on the real disk,
                                      the disk's sync rate and a sync-counting run per cell;
                                    space: 1,000,000 2PC transactions through Pactum's file journal
                                      on 16 threads, the log directory's size sampled every second
              --reps N              repetitions; the table shows the median per cell (default 3)
              --warmup DURATION     warm-up per cell, e.g. 5s, 500ms (default 5s)
              --warmup-max DURATION keep warming up after --warmup while the JIT compiler is still busy
                                    (it compiled for 1%% of the last 5 s or more), until at most this long
                                    (default: off, the warm-up is exactly --warmup)
              --measure DURATION    measured period per cell (default 10s)
              --quick               smoke run: --reps 1 --warmup 300ms --measure 500ms unless given,
                                    sync probe 1 s, counting runs 300 ms + 1 s
              --threads LIST        thread counts (default 1,4,16,64)
              --systems LIST        systems; the first is compared with the others (default %s)
              --variants LIST       variants (default %s)
              --out DIR             where the CSV, the table and the cells' logs go (default results)
              --jvm-arg ARG         extra option for every cell's JVM, repeatable (e.g. a JFR recording)
              --disk-dir DIR        where durable logs go, on a real disk, never tmpfs (default benchmarks/work)
              --sync-probe DURATION the disk's sync-rate probe before each thread count (default 3s; 0 = off);
                                    runs when a system has a durable log
              --count-syncs         after the repetitions, one sync-counting run per (system, threads) under
                                    strace (default when a system has a durable log)
              --no-count-syncs      no counting runs
              --count-warmup D      warm-up of a counting run (default 2s)
              --count-measure D     measured period of a counting run (default 5s)
              --space-tx N          transactions of the space run (default 1000000)
              --space-threads N     threads of the space run (default 16)
            """.formatted(String.join(",", Systems.inMemory()), String.join(",", Workloads.names()),
            String.join(",", Systems.durable()), String.join(",", Systems.inMemory()),
            String.join(",", Workloads.names()));

    /** The named presets of --suite. */
    enum Suite {
        CPU, DURABLE, SPACE
    }

    private static final List<String> VALUED = List.of("--reps", "--warmup", "--warmup-max", "--measure", "--threads", "--systems",
            "--variants", "--out", "--jvm-arg", "--suite", "--disk-dir", "--sync-probe", "--count-warmup",
            "--count-measure", "--space-tx", "--space-threads");

    int reps = 3;
    long warmupMillis = 5_000;
    /** The longest warm-up while the JIT still compiles; 0: exactly {@link #warmupMillis}. */
    long warmupMaxMillis;
    long measureMillis = 10_000;
    List<Integer> threads = List.of(1, 4, 16, 64);
    List<String> systems = Systems.inMemory();
    List<String> variants = Workloads.names();
    Path out = Paths.get("results");
    final List<String> jvmArgs = new ArrayList<>();
    Suite suite = Suite.CPU;
    Path diskDir = Paths.get("work");
    long syncProbeMillis = 3_000;
    /** Whether to run the sync-counting runs; null: when a system has a durable log. */
    Boolean countSyncs;
    long countWarmupMillis = 2_000;
    long countMeasureMillis = 5_000;
    long spaceTransactions = 1_000_000;
    int spaceThreads = 16;

    /** Whether the run measures a log on the disk, so that the disk's own sync rate matters. */
    boolean durable() {
        return Systems.anyDurable(systems);
    }

    boolean countingSyncs() {
        return countSyncs != null ? countSyncs : durable();
    }

    /** The longest a cell can warm up. */
    long longestWarmupMillis() {
        return Math.max(warmupMillis, warmupMaxMillis);
    }

    static boolean wantsHelp(String[] args) {
        return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
    }

    static Options parse(String[] args) {
        Options o = new Options();
        boolean quick = false;
        boolean repsGiven = false;
        boolean warmupGiven = false;
        boolean measureGiven = false;
        boolean systemsGiven = false;
        boolean variantsGiven = false;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--quick")) {
                quick = true;
                continue;
            }
            if (flag.equals("--count-syncs") || flag.equals("--no-count-syncs")) {
                o.countSyncs = flag.equals("--count-syncs");
                continue;
            }
            if (!VALUED.contains(flag)) {
                throw new IllegalArgumentException("unknown option " + flag);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--reps" -> {
                    o.reps = positive(flag, Integer.parseInt(value));
                    repsGiven = true;
                }
                case "--warmup" -> {
                    o.warmupMillis = millis(value);
                    warmupGiven = true;
                }
                case "--warmup-max" -> o.warmupMaxMillis = millis(value);
                case "--measure" -> {
                    o.measureMillis = positive(flag, millis(value));
                    measureGiven = true;
                }
                case "--threads" -> o.threads = list(value).stream().map(Integer::parseInt)
                        .map(t -> positive(flag, t)).toList();
                case "--systems" -> {
                    o.systems = known(list(value), Systems.names(), "system");
                    systemsGiven = true;
                }
                case "--variants" -> {
                    o.variants = known(list(value), Workloads.names(), "variant");
                    variantsGiven = true;
                }
                case "--out" -> o.out = Paths.get(value);
                case "--jvm-arg" -> o.jvmArgs.add(value);
                case "--suite" -> o.suite = suite(value);
                case "--disk-dir" -> o.diskDir = Paths.get(value);
                case "--sync-probe" -> o.syncProbeMillis = millis(value);
                case "--count-warmup" -> o.countWarmupMillis = millis(value);
                case "--count-measure" -> o.countMeasureMillis = positive(flag, millis(value));
                case "--space-tx" -> o.spaceTransactions = positive(flag, Long.parseLong(value));
                case "--space-threads" -> o.spaceThreads = positive(flag, Integer.parseInt(value));
                default -> throw new IllegalStateException("option " + flag + " is listed but not handled");
            }
        }
        if (o.suite == Suite.DURABLE) {
            o.systems = systemsGiven ? o.systems : Systems.durable();
            o.variants = variantsGiven ? o.variants : List.of("2pc");
        }
        if (quick) {
            o.reps = repsGiven ? o.reps : 1;
            o.warmupMillis = warmupGiven ? o.warmupMillis : 300;
            o.measureMillis = measureGiven ? o.measureMillis : 500;
            o.syncProbeMillis = Math.min(o.syncProbeMillis, 1_000);
            o.countWarmupMillis = Math.min(o.countWarmupMillis, 300);
            o.countMeasureMillis = Math.min(o.countMeasureMillis, 1_000);
        }
        if (o.warmupMaxMillis > 0 && o.warmupMaxMillis < o.warmupMillis) {
            throw new IllegalArgumentException("--warmup-max (" + o.warmupMaxMillis + " ms) is shorter than --warmup ("
                    + o.warmupMillis + " ms): give it at least the warm-up, or leave it out");
        }
        return o;
    }

    /** "5s", "500ms", "1.5s", "2m"; a bare number is seconds. */
    static long millis(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Long.parseLong(t.substring(0, t.length() - 2));
        }
        if (t.endsWith("m")) {
            return Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000);
        }
        if (t.endsWith("s")) {
            t = t.substring(0, t.length() - 1);
        }
        return Math.round(Double.parseDouble(t) * 1000);
    }

    private static <N extends Number> N positive(String flag, N n) {
        if (n.longValue() <= 0) {
            throw new IllegalArgumentException(flag + " must be positive: " + n);
        }
        return n;
    }

    private static Suite suite(String value) {
        try {
            return Suite.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown suite '" + value + "'; known: cpu, durable, space");
        }
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> known(List<String> names, List<String> known, String what) {
        for (String n : names) {
            if (!known.contains(n)) {
                throw new IllegalArgumentException("unknown " + what + " '" + n + "'; known: " + known);
            }
        }
        return names;
    }
}
