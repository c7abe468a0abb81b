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
              --reps N              repetitions; the table shows the median per cell (default 3)
              --warmup DURATION     warm-up per cell, e.g. 5s, 500ms (default 5s)
              --measure DURATION    measured period per cell (default 10s)
              --quick               smoke run: --reps 1 --warmup 300ms --measure 500ms unless given
              --threads LIST        thread counts (default 1,4,16,64)
              --systems LIST        systems; the first is compared with the others (default %s)
              --variants LIST       variants (default %s)
              --out DIR             where the CSV, the table and the cells' logs go (default results)
              --jvm-arg ARG         extra option for every cell's JVM, repeatable (e.g. a JFR recording)
            """.formatted(String.join(",", Systems.names()), String.join(",", Workloads.names()));

    private static final List<String> VALUED = List.of("--reps", "--warmup", "--measure", "--threads", "--systems",
            "--variants", "--out", "--jvm-arg");

    int reps = 3;
    long warmupMillis = 5_000;
    long measureMillis = 10_000;
    List<Integer> threads = List.of(1, 4, 16, 64);
    List<String> systems = Systems.names();
    List<String> variants = Workloads.names();
    Path out = Paths.get("results");
    final List<String> jvmArgs = new ArrayList<>();

    static boolean wantsHelp(String[] args) {
        return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
    }

    static Options parse(String[] args) {
        Options o = new Options();
        boolean quick = false;
        boolean repsGiven = false;
        boolean warmupGiven = false;
        boolean measureGiven = false;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--quick")) {
                quick = true;
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
                case "--measure" -> {
                    o.measureMillis = positive(flag, millis(value));
                    measureGiven = true;
                }
                case "--threads" -> o.threads = list(value).stream().map(Integer::parseInt)
                        .map(t -> positive(flag, t)).toList();
                case "--systems" -> o.systems = known(list(value), Systems.names(), "system");
                case "--variants" -> o.variants = known(list(value), Workloads.names(), "variant");
                case "--out" -> o.out = Paths.get(value);
                case "--jvm-arg" -> o.jvmArgs.add(value);
                default -> throw new IllegalStateException("option " + flag + " is listed but not handled");
            }
        }
        if (quick) {
            o.reps = repsGiven ? o.reps : 1;
            o.warmupMillis = warmupGiven ? o.warmupMillis : 300;
            o.measureMillis = measureGiven ? o.measureMillis : 500;
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
