package io.pactum.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.log.BranchRecord;
import io.pactum.log.CommitDecision;
import io.pactum.log.HeuristicOutcome;
import io.pactum.log.HeuristicRecord;
import io.pactum.log.file.FileJournal;
import io.pactum.log.file.JournalEntry;
import io.pactum.cli.xid.XidText;
import io.pactum.xid.PactumXid;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal read while its process holds it, and who that process is. */
class FileLogReaderTest {
    @TempDir
    Path dir;

    private static final PactumXid A = (PactumXid) XidText.parse("n1:18c2f3a4b5e:1#1").branch().orElseThrow();
    private static final PactumXid B = new PactumXid(A.globalId(), 2);

    @Test
    void aHeldJournalIsReadWithItsHolderAndEveryRecordsPlace() throws Exception {
        Instant before = Instant.now();
        try (FileJournal j = FileJournal.open(dir, "n1", FileJournal.DEFAULT_SEGMENT_SIZE)) {
            j.writeDecision(new CommitDecision(A.globalId(), List.of(new BranchRecord(A, "pg"), new BranchRecord(B, "my")),
                    before.plusSeconds(60), before));
            j.writeHeuristic(new HeuristicRecord(new BranchRecord(B, "my"), HeuristicOutcome.ROLLED_BACK, true, before));

            LogView v = FileLogReader.read(dir);

            assertThat(v.node().value()).isEqualTo("n1");
            assertThat(v.decision(A.globalId())).isPresent();
            assertThat(v.heuristic(B)).hasValueSatisfying(h -> assertThat(h.outcome()).isEqualTo(HeuristicOutcome.ROLLED_BACK));
            assertThat(v.records()).extracting(LogView.Record::entry).hasExactlyElementsOfTypes(
                    JournalEntry.Decided.class, JournalEntry.Heuristic.class);
            assertThat(v.records()).allSatisfy(r -> assertThat(r.where()).matches("journal-\\d+\\.log at offset \\d+"));
            assertThat(v.whereDecided(A.globalId())).isPresent();
            assertThat(v.holder().state()).isEqualTo(Holder.State.RUNNING);
            assertThat(v.holder().description()).isEqualTo("this process (pid " + ProcessHandle.current().pid() + ")");
            assertThat(v.holder().mayRun(A.globalId())).as("its start is unknown: anything may run").isTrue();
            assertThat(FileLogReader.holder(dir).state()).as("still held: reading did not drop the lock")
                    .isEqualTo(Holder.State.RUNNING);
        }
        assertThat(FileLogReader.holder(dir).state()).as("released on close").isEqualTo(Holder.State.NONE);
        assertThat(FileLogReader.holder(dir).description()).contains("last held by [pid");
    }
}
