package io.pactum.it.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started from the test's class path to run one main class, its output (stdout and
 * stderr) going to a file. Small and quick to start: the machine is shared.
 */
final class ChildJvm {
    private final Process process;
    private final Path output;

    private ChildJvm(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static ChildJvm start(Class<?> main, List<String> args, Path output) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", classPath(), "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xmx256m", "-XX:-UsePerfData"));
        String restart = System.getProperty(Sessions.RESTART_POSTGRES);
        if (restart != null) {
            command.add("-D" + Sessions.RESTART_POSTGRES + "=" + restart);
        }
        command.add(main.getName());
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new ChildJvm(p, output);
    }

    /** Surefire hands the test class path to its forked JVM in this property; an IDE puts it on java.class.path. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the child printed a line starting with {@code prefix}; false when it ended first or the time ran out. */
    boolean awaitLine(String prefix, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (hasLine(prefix)) {
                return true;
            }
            if (!process.isAlive()) {
                return hasLine(prefix);
            }
            Thread.sleep(20);
        }
        return false;
    }

    private boolean hasLine(String prefix) throws IOException {
        return output().lines().anyMatch(l -> l.startsWith(prefix));
    }

    /** kill -9: SIGKILL, which the JVM cannot catch. */
    void killNine() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * The exit status, once the child ended.
     *
     * @throws IllegalStateException when it did not end in time (it is killed then)
     */
    int await(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            killNine();
            throw new IllegalStateException("the child JVM did not end within " + timeout + "; its output:\n" + output());
        }
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.exists(output) ? Files.readString(output) : "";
    }
}
