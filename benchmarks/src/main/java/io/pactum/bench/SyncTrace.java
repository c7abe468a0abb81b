package io.pactum.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts a JVM's sync calls with strace. strace follows every thread (-f) and stops the process
 * only at the traced calls (--seccomp-bpf), prints each call's start time (-ttt, epoch seconds
 * with microseconds, the clock of {@link Driver.Window}), and the calls that started within the
 * measured period are counted. Each traced call costs two extra context switches, so a counting
 * run is slower than a measured one: it counts syncs, it does not time them.
 */
public final class SyncTrace {
    /** fsync and fdatasync are what FileChannel.force and FileDescriptor.sync become; the others should stay 0. */
    public static final String CALLS = "fsync,fdatasync,sync_file_range,msync,syncfs,sync";

    /** One traced call's start: "pid seconds.micros name(". */
    private static final Pattern CALL = Pattern.compile("^\\d+\\s+(\\d+)\\.(\\d{6})\\s+([a-z_]+)\\(");

    /** The syncs seen within the window, by call. */
    public record Counts(Map<String, Long> byCall) {
        public long total() {
            return byCall.entrySet().stream().filter(e -> e.getKey().equals("fsync") || e.getKey().equals("fdatasync"))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            byCall.forEach((call, n) -> sb.append(sb.length() == 0 ? "" : " ").append(call).append('=').append(n));
            return sb.length() == 0 ? "none" : sb.toString();
        }
    }

    private SyncTrace() {
    }

    /** The command prefix that runs a program under strace, writing the trace to {@code out}. */
    static List<String> command(Path out) {
        return List.of("strace", "-f", "--seccomp-bpf", "-qq", "-ttt", "-e", "trace=" + CALLS, "-o",
                out.toAbsolutePath().toString());
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("strace", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static Counts count(Path trace, long fromMicros, long toMicros) throws IOException {
        Map<String, Long> byCall = new TreeMap<>();
        try (BufferedReader in = Files.newBufferedReader(trace, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Matcher m = CALL.matcher(line);
                if (!m.find()) {
                    continue; // "<... fdatasync resumed>" ends a call counted where it started
                }
                long at = Long.parseLong(m.group(1)) * 1_000_000L + Long.parseLong(m.group(2));
                if (at >= fromMicros && at < toMicros) {
                    byCall.merge(m.group(3), 1L, Long::sum);
                }
            }
        }
        return new Counts(byCall);
    }
}
