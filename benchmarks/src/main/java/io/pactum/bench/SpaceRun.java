package io.pactum.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The space suite: starts {@link SpaceMain} in a fresh JVM, then turns its samples into a CSV
 * (one row a second) and its summary into a short Markdown report.
 */
final class SpaceRun {
    private SpaceRun() {
    }

    static void run(Options o, Launcher launcher, String runId, Path logDir) throws IOException, InterruptedException {
        String header = BenchMain.header(o);
        System.err.print(header);
        System.err.printf(Locale.ROOT, "space run: %,d transactions on %d threads ...%n", o.spaceTransactions,
                o.spaceThreads);
        Path log = logDir.resolve("space.log");
        // Generous: even 500 tx/s finishes 1 million within the limit.
        long limit = Math.max(60_000, o.spaceTransactions * 2);
        boolean ended = launcher.runMain(SpaceMain.class, List.of(o.diskDir.toAbsolutePath().toString(),
                Long.toString(o.spaceTransactions), Integer.toString(o.spaceThreads)), log, limit);
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        Path csv = o.out.resolve(runId + "-space.csv");
        List<String> rows = new ArrayList<>(List.of("elapsed_ms,committed,bytes,segments,files"));
        Map<String, String> summary = null;
        for (String line : lines) {
            if (line.startsWith(SpaceMain.SAMPLE)) {
                rows.add(line.substring(SpaceMain.SAMPLE.length()).trim().replace(' ', ','));
            } else if (line.startsWith(SpaceMain.SPACE)) {
                summary = fields(line.substring(SpaceMain.SPACE.length()));
            }
        }
        Files.write(csv, rows, StandardCharsets.UTF_8);
        if (!ended || summary == null) {
            System.err.println("bench: the space run failed, see " + log);
            System.exit(1);
        }
        String report = header + "Load average at the end: " + BenchMain.loadAverage() + "\n\n" + markdown(o, summary,
                rows.size() - 1) + "Samples (one a second): " + csv.toAbsolutePath() + "\n";
        Files.writeString(o.out.resolve(runId + "-space.md"), report, StandardCharsets.UTF_8);
        System.out.print(report);
    }

    private static String markdown(Options o, Map<String, String> s, int samples) {
        return String.format(Locale.ROOT, """
                ### space: %,d 2PC transactions (2 dummy resources) through Pactum's file journal, %d threads
                Default segment size (16 MiB); the log directory measured every second (%d samples): the sum
                of its files' sizes, and its journal segment files (journal-*.log; the spare segment being
                prepared, the lock file and the node-id file are counted in the size and in "files" only).

                | committed | seconds | tx/s | max size | final size | after close | max segments | final segments | max files | final files |
                |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
                | %,d | %.1f | %,.0f | %s | %s | %s | %s | %s | %s | %s |

                """, o.spaceTransactions, o.spaceThreads, samples, Long.parseLong(s.get("tx")),
                Double.parseDouble(s.get("seconds")), Double.parseDouble(s.get("tx_per_s")), mib(s.get("max_bytes")),
                mib(s.get("final_bytes")), mib(s.get("closed_bytes")), s.get("max_segments"), s.get("final_segments"),
                s.get("max_files"), s.get("final_files"));
    }

    private static String mib(String bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", Long.parseLong(bytes) / (double) (1L << 20));
    }

    private static Map<String, String> fields(String text) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String pair : text.trim().split(" ")) {
            int eq = pair.indexOf('=');
            f.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return f;
    }
}
