package io.pactum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pactum demo --crash}: a child JVM halts after the first commit of phase 2; this process's
 * recovery then commits the branch the other embedded database kept in doubt across the crash.
 */
class DemoCrashSceneTest {
    @TempDir
    Path dir;

    @Test
    void recoveryFinishesTheTransferAHaltedProcessLeftInDoubt() throws Exception {
        DemoRun run = DemoRun.of("--dir", dir.toString(), "--crash");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsSubsequence(
                "  |  5. decision: COMMIT",
                "  |       bank-a  xa_commit(#1)",
                "  | *** CRASH",
                "The child is gone (exit status 70)",
                "Pactum's log holds a COMMIT decision without \"done\"", "branches bank-a #1, bank-b #2",
                "A new process starts",
                "bank-b  xa_recover                 -> 1 branch(es) prepared",
                "bank-b  xa_commit(#2)",
                "recovery committed 1 branch(es)",
                "alice has 75.00 at bank-a, bob has 75.00 at bank-b; together 150.00");
        assertThat(run.out()).doesNotContain("  |       bank-b  xa_commit");
        assertThat(DemoRun.derbyBalance(dir.resolve("bank-a"), "alice")).isEqualByComparingTo("75.00");
        assertThat(DemoRun.derbyBalance(dir.resolve("bank-b"), "bob")).isEqualByComparingTo("75.00");
    }

    @Test
    void aNormalRunWorksAfterTheCrashScene() {
        assertThat(DemoRun.of("--dir", dir.toString(), "--crash").exitCode()).isZero();

        DemoRun after = DemoRun.of("--dir", dir.toString());

        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(after.out()).contains("nothing to finish", "alice has 75.00 at bank-a, bob has 75.00 at bank-b");
    }
}
