package io.pactum.cli;

import static io.pactum.cli.Operations.MY;
import static io.pactum.cli.Operations.OLD_EPOCH;
import static io.pactum.cli.Operations.PG;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.cli.ops.FileLogReader;
import io.pactum.cli.ops.Holder;
import io.pactum.xid.GlobalId;
import io.pactum.xid.PactumXid;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pactum recover}: the daemon finishes what a crashed application left, and stays out of
 * a running application's way because both need the node's log lock.
 */
class RecoverDaemonTest {
    @TempDir
    Path dir;
    private Operations ops;
    private PactumXid decidedPg;
    private PactumXid decidedMy;
    private PactumXid orphan;
    private PactumXid otherNode;

    @BeforeEach
    void crashedApplication() throws Exception {
        ops = new Operations(dir);
        GlobalId decided = ops.transaction(OLD_EPOCH);
        decidedPg = Operations.branch(decided, 1);
        decidedMy = Operations.branch(decided, 2);
        ops.prepare(PG, decidedPg, 1);
        ops.prepare(MY, decidedMy, 1);
        ops.decide(decided, Map.of(decidedPg, PG, decidedMy, MY));
        orphan = Operations.branch(ops.transaction(OLD_EPOCH), 1);
        ops.prepare(MY, orphan, 2);
        otherNode = Operations.branch(ops.transaction("other-" + ops.node.substring(4), OLD_EPOCH), 1);
        ops.prepare(PG, otherNode, 3);
    }

    @AfterEach
    void cleanUp() throws Exception {
        ops.close();
    }

    @Test
    void onePassCommitsWhatWasDecidedAndRollsBackWhatWasNot() throws Exception {
        Operations.Result once = ops.pactum("recover", "--once");

        assertThat(once.code()).as(once.toString()).isZero();
        assertThat(once.err())
                .contains("PACTUM-6001 Recovery daemon for node " + ops.node + " started")
                .contains("PACTUM-4001 Recovery committed branch " + decidedPg + " on resource pg")
                .contains("PACTUM-4001 Recovery committed branch " + decidedMy + " on resource my")
                .contains("PACTUM-4006 Every branch of transaction " + decidedPg.globalId() + " is committed")
                .contains("PACTUM-4003 Recovery rolled back branch " + orphan + " on resource my: no commit decision exists")
                .contains("the process that began it has ended")
                .contains("PACTUM-6005 Recovery daemon for node " + ops.node + " stopped");
        assertThat(ops.committed(PG, 1)).isTrue();
        assertThat(ops.committed(MY, 1)).isTrue();
        assertThat(ops.committed(MY, 2)).isFalse();
        assertThat(ops.stillPrepared()).as("another node's branch is not ours to touch").containsExactly("pg " + otherNode);
        assertThat(ops.pactum("log", "--json").json().get("pending")).isEmpty();
    }

    @Test
    void itRefusesToStartWhileTheApplicationHoldsTheLog() throws Exception {
        Process app = HoldLog.start(ops.logDir, ops.node);
        try {
            Operations.Result once = ops.pactum("recover", "--once");

            assertThat(once.code()).as(once.toString()).isEqualTo(ExitCode.REFUSED);
            assertThat(once.err()).contains("is in use by [pid " + app.pid() + " on ")
                    .contains("its own in-process recovery does this work").contains("--wait");
            assertThat(ops.stillPrepared()).hasSize(4);
        } finally {
            HoldLog.stop(app);
        }
    }

    @Test
    void withWaitItTakesOverWhenTheApplicationStops() throws Exception {
        Process app = HoldLog.start(ops.logDir, ops.node);
        CompletableFuture<Operations.Result> daemon = CompletableFuture.supplyAsync(() -> ops.pactum("recover", "--once",
                "--wait"));
        Thread.sleep(1500); // the daemon finds the log in use and waits
        assertThat(daemon).isNotDone();
        assertThat(ops.stillPrepared()).hasSize(4);

        HoldLog.stop(app);
        Operations.Result once = daemon.get(60, TimeUnit.SECONDS);

        assertThat(once.code()).as(once.toString()).isZero();
        assertThat(once.err()).contains("PACTUM-6003 The log is in use ([pid " + app.pid());
        assertThat(ops.committed(MY, 1)).isTrue();
        assertThat(ops.stillPrepared()).containsExactly("pg " + otherNode);
    }

    @Test
    void anUnreachableDatabaseLeavesTheDecisionPendingAndExitsOne() throws Exception {
        ops.writeConfig("log.directory = log\nresource.down.url = jdbc:postgresql://127.0.0.1:1/nowhere\n");
        ops.decide(ops.transaction(OLD_EPOCH), Map.of(new PactumXid(ops.transaction(OLD_EPOCH), 1), "down"));

        Operations.Result once = ops.pactum("recover", "--once");

        assertThat(once.code()).as(once.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(once.err()).contains("PACTUM-4004 Recovery could not scan resource down")
                .contains("PACTUM-6006 Left after this pass: 1 resource(s) could not be scanned")
                .contains("1 decision(s) not finished");
        assertThat(ops.committed(PG, 1)).as("what could be done was done").isTrue();
    }

    /** Through the real launcher script, in its own JVM, stopped the way a service manager does. */
    @Test
    void theDaemonStopsCleanlyOnSigterm() throws Exception {
        Path script = Path.of("").toAbsolutePath().getParent().resolve("pactum");
        Process daemon = new ProcessBuilder(script.toString(), "recover", "--config", ops.config.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(daemon.getErrorStream(),
                StandardCharsets.UTF_8)).lines().forEach(lines::add));
        reader.start();
        try {
            waitFor(lines, "PACTUM-4003", 300);
            assertThat(FileLogReader.holder(ops.logDir).state()).isEqualTo(Holder.State.RUNNING);
            assertThat(ops.committed(PG, 1)).isTrue();
            assertThat(ops.committed(MY, 2)).isFalse();

            daemon.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its stderr)

            assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            assertThat(String.join("\n", lines)).contains("PACTUM-6004 Stop requested")
                    .contains("PACTUM-6005 Recovery daemon for node " + ops.node + " stopped; the log is released");
            assertThat(daemon.exitValue()).isEqualTo(143); // 128 + SIGTERM: the JVM ended because of the signal
            assertThat(FileLogReader.holder(ops.logDir).state()).isEqualTo(Holder.State.NONE);
        } finally {
            daemon.destroyForcibly();
        }
    }

    private static void waitFor(List<String> lines, String text, int seconds) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(seconds);
        while (lines.stream().noneMatch(l -> l.contains(text))) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("no '" + text + "' within " + seconds + " s; the daemon said:\n"
                        + String.join("\n", lines));
            }
            Thread.sleep(100);
        }
    }
}
