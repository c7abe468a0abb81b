package io.pactum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pactum demo} on its two embedded databases: the story it tells, and what it leaves in them. */
class DemoTransferTest {
    @TempDir
    Path dir;

    @Test
    void theTransferCommitsInBothDatabasesAndEveryStepIsTold() throws Exception {
        DemoRun run = DemoRun.of("--dir", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsSubsequence(
                "xa_recover", "nothing to finish",
                "alice has 100.00 at bank-a, bob has 50.00 at bank-b; together 150.00",
                " 1. begin: Pactum starts transaction",
                "bank-a  xa_start(#1, TMNOFLAGS)", "UPDATE pactum_demo_account SET balance = balance - 25.00",
                "bank-b  xa_start(#2, TMNOFLAGS)", "UPDATE pactum_demo_account SET balance = balance + 25.00",
                "commit, phase 1",
                "bank-a  xa_end(#1, TMSUCCESS)", "bank-b  xa_end(#2, TMSUCCESS)",
                "bank-a  xa_prepare(#1)             -> XA_OK", "bank-b  xa_prepare(#2)             -> XA_OK",
                "all 2 branches voted yes",
                "decision: COMMIT", dir.resolve("log").toAbsolutePath() + "/journal-",
                "commit, phase 2",
                "bank-a  xa_commit(#1)", "bank-b  xa_commit(#2)",
                "done: committed",
                "alice has 75.00 at bank-a, bob has 75.00 at bank-b; together 150.00",
                "The transfer committed in both databases.");
        assertThat(DemoRun.derbyBalance(dir.resolve("bank-a"), "alice")).isEqualByComparingTo("75.00");
        assertThat(DemoRun.derbyBalance(dir.resolve("bank-b"), "bob")).isEqualByComparingTo("75.00");
    }

    @Test
    void aSecondRunReusesTheDatabasesAndTheLog() throws Exception {
        assertThat(DemoRun.of("--dir", dir.toString()).exitCode()).isZero();
        String nodeId = Files.readString(dir.resolve("log/node-id"));

        DemoRun second = DemoRun.of("--dir", dir.toString());

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).containsSubsequence("nothing to finish",
                "alice has 100.00 at bank-a, bob has 50.00 at bank-b", "done: committed",
                "alice has 75.00 at bank-a, bob has 75.00 at bank-b");
        assertThat(second.out()).contains("transaction " + nodeId.trim() + ":");
        assertThat(DemoRun.derbyBalance(dir.resolve("bank-b"), "bob")).isEqualTo(new BigDecimal("75.00"));
    }

    @Test
    void aWrongOptionFailsWithUsageAndExitCodeTwo() {
        DemoRun run = DemoRun.of("--pg", "jdbc:postgresql://localhost/x");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("pactum demo: give both --pg URL and --mysql URL", "usage: pactum demo");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnreachableServerFailsWithExitCodeOneAndSaysWhich() {
        DemoRun run = DemoRun.of("--dir", dir.toString(), "--pg", "jdbc:postgresql://127.0.0.1:1/none", "--mysql",
                "jdbc:mysql://127.0.0.1:1/none");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).contains("bank-a (PostgreSQL server jdbc:postgresql://127.0.0.1:1/none) cannot be reached");
    }
}
