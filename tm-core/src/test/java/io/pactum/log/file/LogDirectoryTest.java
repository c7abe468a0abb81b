package io.pactum.log.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.Pactum;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.Trace;
import io.pactum.tx.PactumTransactionManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void aSecondTransactionManagerOnTheSameDirectoryIsRefusedWithTheHolderNamed() throws Exception {
        try (PactumTransactionManager first = Pactum.builder().logDirectory(dir).build()) {
            assertThatThrownBy(() -> Pactum.builder().logDirectory(dir).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by this process");
            assertThat(first.nodeId()).isNotNull();
            assertLockedForOtherProcesses();
        }
        Pactum.builder().logDirectory(dir).build().close(); // released on close
    }

    /** Another process finds the lock held, with the holder named (the refused open did not drop it). */
    private void assertLockedForOtherProcesses() throws Exception {
        Path probe = dir.resolve("LockProbe.java");
        Files.writeString(probe, """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                public class LockProbe {
                    public static void main(String[] a) throws Exception {
                        try (FileChannel ch = FileChannel.open(Path.of(a[0]), StandardOpenOption.WRITE)) {
                            System.exit(ch.tryLock() == null ? 1 : 0);
                        }
                    }
                }
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, probe.toString(), dir.resolve("pactum.lock").toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor()).as("the probe's exit code: 1 means the lock is held").isEqualTo(1);
        assertThat(Files.readString(dir.resolve("pactum.lock"))).contains("pid " + ProcessHandle.current().pid());
    }

    @Test
    void theNodeIdIsCreatedOnFirstStartAndCheckedOnEveryStart() throws Exception {
        Pactum.builder().logDirectory(dir).nodeId("orders-1").build().close();
        assertThat(Files.readString(dir.resolve("node-id")).trim()).isEqualTo("orders-1");
        try (PactumTransactionManager tm = Pactum.builder().logDirectory(dir).build()) {
            assertThat(tm.nodeId().value()).isEqualTo("orders-1");
        }
        assertThatThrownBy(() -> Pactum.builder().logDirectory(dir).nodeId("orders-2").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("belongs to node 'orders-1'")
                .hasMessageContaining("nodeId(\"orders-1\")");
    }

    @Test
    void anOperatorCanReadTheJournalWhileItsProcessRuns() throws Exception {
        JournalFixtures fx = new JournalFixtures();
        try (FileJournal j = FileJournal.open(dir, "inspected", FileJournal.DEFAULT_SEGMENT_SIZE)) {
            var kept = JournalFixtures.decision(fx.nextId());
            var finished = JournalFixtures.decision(fx.nextId());
            j.writeDecision(kept);
            j.writeDecision(finished);
            j.writeDone(finished.globalId());
            j.writeDecision(JournalFixtures.decision(fx.nextId())); // makes the done record durable too

            java.util.List<String> records = new java.util.ArrayList<>();
            FileJournal.Inspection seen = FileJournal.inspect(dir,
                    (where, entry) -> records.add(entry.getClass().getSimpleName()));

            assertThat(seen.node().value()).isEqualTo("inspected");
            assertThat(seen.pending()).contains(kept).doesNotContain(finished).hasSize(2);
            assertThat(records).containsSubsequence("Decided", "Decided", "Done", "Decided");
        }
    }

    @Test
    void aBadSettingFailsBeforeTheDirectoryIsLocked() {
        assertThatThrownBy(() -> Pactum.builder().logDirectory(dir).defaultTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defaultTimeout");
        Pactum.builder().logDirectory(dir).build().close();
    }

    @Test
    void aDecisionLeftToRecoverySurvivesARestart() throws Exception {
        Trace trace = new Trace();
        ScriptedResource a = new ScriptedResource("A", trace);
        ScriptedResource b = new ScriptedResource("B", trace).fail(ScriptedResource.Call.COMMIT,
                XAException.XAER_RMFAIL, XAException.XAER_RMFAIL);
        try (PactumTransactionManager tm = Pactum.builder().logDirectory(dir).commitRetries(1)
                .retryDelay(Duration.ZERO).build()) {
            tm.begin();
            tm.getTransaction().enlistResource(a);
            tm.getTransaction().enlistResource(b);
            tm.commit();
        }
        try (FileJournal j = FileJournal.open(dir, null, FileJournal.DEFAULT_SEGMENT_SIZE)) {
            assertThat(j.pendingDecisions()).singleElement().satisfies(d -> assertThat(d.branches())
                    .extracting(r -> r.resourceName()).containsExactly("A", "B"));
        }
    }
}
