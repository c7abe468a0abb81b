package io.pactum.cli;

import io.pactum.Pactum;
import io.pactum.log.file.FileJournal;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A stand-in for the running application, in a JVM of its own: it holds a node's log directory
 * until its standard input closes. By default it only holds the journal; with a third argument
 * {@code recovering} it runs a transaction manager on it whose recovery scans every 200 ms, as
 * an application's does (every 30 s by default).
 */
public final class HoldLog {
    private HoldLog() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        try (AutoCloseable holder = args.length > 2 && args[2].equals("recovering")
                ? Pactum.builder().logDirectory(dir).nodeId(args[1]).recovery(true)
                        .recoveryInterval(Duration.ofMillis(200)).build()
                : FileJournal.open(dir, args[1], FileJournal.DEFAULT_SEGMENT_SIZE)) {
            System.out.println("held " + System.currentTimeMillis());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // hold until the test closes our input
            }
        }
    }

    /** Starts a holder of the journal alone and returns once it holds the log; closing it releases the log. */
    static Process start(Path dir, String node) throws Exception {
        return start(dir, node, "journal");
    }

    /** Starts an application whose recovery scans every 200 ms, once it holds the log. */
    static Process startRecovering(Path dir, String node) throws Exception {
        return start(dir, node, "recovering");
    }

    private static Process start(Path dir, String node, String mode) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HoldLog.class.getName(), dir.toString(), node, mode)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (line == null || !line.startsWith("held ")) {
            p.destroyForcibly();
            throw new IllegalStateException("the log holder did not start: " + line);
        }
        return p;
    }

    static void stop(Process p) throws Exception {
        p.getOutputStream().close();
        if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }
}
