package io.pactum.cli;

import io.pactum.log.file.FileJournal;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A stand-in for the running application, in a JVM of its own: it holds a node's log directory
 * (as its transaction manager does) until its standard input closes.
 */
public final class HoldLog {
    private HoldLog() {
    }

    public static void main(String[] args) throws Exception {
        try (FileJournal journal = FileJournal.open(Path.of(args[0]), args[1], FileJournal.DEFAULT_SEGMENT_SIZE)) {
            System.out.println("held " + System.currentTimeMillis());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // hold until the test closes our input
            }
        }
    }

    /** Starts the holder and returns once it holds the log; closing it releases the log. */
    static Process start(Path dir, String node) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HoldLog.class.getName(), dir.toString(), node)
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
