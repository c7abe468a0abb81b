package io.pactum.cli;

import io.pactum.cli.config.Config;
import io.pactum.cli.config.ConfigException;
import io.pactum.cli.daemon.Daemon;
import io.pactum.cli.daemon.LogOutput;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code pactum recover}: the standalone recovery daemon of one node. */
final class RecoverCommand implements Command {
    @Override
    public String name() {
        return "recover";
    }

    @Override
    public String summary() {
        return "run recovery for a node whose application is stopped (the daemon)";
    }

    @Override
    public String usage() {
        return """
                usage: pactum recover --config FILE [--once] [--wait]

                Finishes what the node's crashed or stopped application left in doubt: commits the
                branches whose transaction decided to commit, rolls back those without a decision
                (seen twice, recovery.orphan-safety-interval apart), and scans again every
                recovery.interval until SIGTERM. Every action is logged (PACTUM-4xxx) with its XID,
                resource and reason.

                It takes the node's log lock, so it never runs beside the application's own
                in-process recovery: while the application holds the log it refuses to start
                (exit 3) and names the holder.

                  --once   one pass (a scan, and a second one after the orphan safety interval when
                           branches without a decision wait), then exit: 0 when nothing is left in
                           doubt, 1 when something is (the log says what)
                  --wait   while the log is in use, wait for it instead of refusing""";
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(argList, Set.of("--once", "--wait"), Set.of("--config"));
        args.none();
        Config config;
        try {
            config = Operator.config(args);
        } catch (ConfigException e) {
            err.println("pactum recover: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (config.resources().isEmpty()) {
            err.println("pactum recover: no data source is configured: add resource.NAME.url (and .user, .password) "
                    + "for every data source of the application, under the name it gives them");
            return ExitCode.USAGE;
        }
        LogOutput.keepThroughShutdown(); // before java.util.logging starts
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            awaitQuietly(finished);
        }, "pactum-recover-stop");
        try (LogOutput logging = new LogOutput(err)) {
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                return recover(config, args, stop);
            } catch (Daemon.LogBusyException e) {
                err.println("pactum recover: " + e.getMessage());
                return ExitCode.REFUSED;
            } finally {
                finished.countDown();
                removeQuietly(hook);
            }
        }
    }

    private static int recover(Config config, Args args, CountDownLatch stop) throws Exception {
        Daemon daemon = Daemon.start(config, args.has("--wait"), stop);
        if (daemon == null) {
            return ExitCode.OK; // stopped while waiting for the log
        }
        if (!args.has("--once")) {
            try (daemon) {
                daemon.runUntil(stop);
            }
            return ExitCode.OK;
        }
        List<String> left;
        try (daemon) {
            left = daemon.runOnce(stop);
        }
        return Daemon.leftInDoubt(config, left).isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }

    private static void awaitQuietly(CountDownLatch finished) {
        try {
            finished.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running, and waits for us
        }
    }
}
