package io.pactum.log.file;

import static io.pactum.log.file.JournalFixtures.NODE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.log.CommitDecision;
import io.pactum.log.LogException;
import io.pactum.xid.GlobalId;
import io.pactum.xid.PactumXid;
import org.junit.jupiter.api.Test;

class FileJournalTest {
    private static final long SEGMENT = 64 << 10;
    private final SimulatedDisk disk = new SimulatedDisk();
    private final JournalFixtures fx = new JournalFixtures();

    @Test
    void decisionsWithoutDoneSurviveAReopen() throws Exception {
        CommitDecision kept = fx.decision();
        CommitDecision finished = fx.decision();
        try (FileJournal j = FileJournal.open(disk, NODE, SEGMENT)) {
            j.writeDecision(kept);
            j.writeDecision(finished);
            j.writeDone(finished.globalId());
        }
        try (FileJournal j = FileJournal.open(disk, NODE, SEGMENT)) {
            assertThat(j.pendingDecisions()).containsExactly(kept);
        }
    }

    @Test
    void heuristicsStayUntilForgotten() throws Exception {
        GlobalId a = fx.nextId();
        GlobalId b = fx.nextId();
        try (FileJournal j = FileJournal.open(disk, NODE, SEGMENT)) {
            j.writeHeuristic(JournalFixtures.heuristic(a));
            j.writeHeuristic(JournalFixtures.heuristic(b));
            j.forgetHeuristic(new PactumXid(a, 2));
        }
        try (FileJournal j = FileJournal.open(disk, NODE, SEGMENT)) {
            assertThat(j.heuristics()).containsExactly(JournalFixtures.heuristic(b));
        }
    }

    /** pactum forget cannot write a journal another process holds: it leaves a request for it. */
    @Test
    void aForgetRequestIsCarriedOutByTheProcessHoldingTheJournal() throws Exception {
        GlobalId a = fx.nextId();
        GlobalId b = fx.nextId();
        try (FileJournal j = FileJournal.open(disk, NODE, SEGMENT)) {
            j.writeHeuristic(JournalFixtures.heuristic(a));
            j.writeHeuristic(JournalFixtures.heuristic(b));

            String request = FileJournal.requestForget(disk, new PactumXid(a, 2));
            assertThat(disk.list()).contains(request);
            assertThat(j.heuristics()).hasSize(2);

            j.applyOperatorRequests();

            assertThat(j.heuristics()).containsExactly(JournalFixtures.heuristic(b));
            assertThat(requestFiles()).isEmpty();
        }
        try (FileJournal j = FileJournal.open(disk, NODE, SEGMENT)) {
            assertThat(j.heuristics()).containsExactly(JournalFixtures.heuristic(b));
        }
    }

    @Test
    void aForgetRequestLeftWhileNobodyHeldTheJournalIsCarriedOutWhenItOpens() throws Exception {
        GlobalId a = fx.nextId();
        try (FileJournal j = FileJournal.open(disk, NODE, SEGMENT)) {
            j.writeHeuristic(JournalFixtures.heuristic(a));
        }
        FileJournal.requestForget(disk, new PactumXid(a, 2));
        FileJournal.requestForget(disk, new PactumXid(a, 2)); // asked twice: one request

        try (FileJournal j = FileJournal.open(disk, NODE, SEGMENT)) {
            assertThat(j.heuristics()).isEmpty();
            assertThat(requestFiles()).isEmpty();
        }
    }

    @Test
    void aRequestForAnOutcomeNoLongerKeptIsRemovedAndOneNamingNoBranchIsSetAside() throws Exception {
        GlobalId a = fx.nextId();
        try (Storage.StorageFile f = disk.open("forget-zz-1.request", true)) {
            f.force();
        }
        try (FileJournal j = FileJournal.open(disk, NODE, SEGMENT)) {
            FileJournal.requestForget(disk, new PactumXid(a, 2));
            j.applyOperatorRequests();

            assertThat(j.heuristics()).isEmpty();
            assertThat(requestFiles()).isEmpty();
            assertThat(disk.list()).contains("forget-zz-1.request.rejected");
        }
    }

    private java.util.List<String> requestFiles() throws Exception {
        return disk.list().stream().filter(n -> n.endsWith(".request") || n.endsWith(".tmp") && n.startsWith("forget-"))
                .toList();
    }

    @Test
    void rollingOverKeepsTheLiveRecordsAndDeletesOldSegments() throws Exception {
        CommitDecision pending = fx.decision();
        try (FileJournal j = FileJournal.open(disk, NODE, SEGMENT)) {
            j.writeDecision(pending);
            for (int i = 0; i < 5_000; i++) {
                CommitDecision d = fx.decision();
                j.writeDecision(d);
                j.writeDone(d.globalId());
            }
            assertThat(segmentFiles()).hasSize(1);
            assertThat(j.pendingDecisions()).containsExactly(pending);
        }
        try (FileJournal j = FileJournal.open(disk, NODE, SEGMENT)) {
            assertThat(j.pendingDecisions()).containsExactly(pending);
        }
        assertThat(disk.totalSize()).isLessThanOrEqualTo(3 * SEGMENT);
    }

    @Test
    void aSyncIsSharedByConcurrentWriters() throws Exception {
        int threads = 8;
        int each = 200;
        try (FileJournal j = FileJournal.open(disk, NODE, 1 << 20)) {
            long before = disk.forces();
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                workers[t] = new Thread(() -> {
                    for (int i = 0; i < each; i++) {
                        try {
                            j.writeDecision(fx.decision());
                        } catch (LogException e) {
                            throw new AssertionError(e);
                        }
                    }
                });
                workers[t].start();
            }
            for (Thread w : workers) {
                w.join();
            }
            assertThat(j.pendingDecisions()).hasSize(threads * each);
            assertThat(disk.forces() - before).isLessThanOrEqualTo(threads * each);
        }
    }

    @Test
    void aCorruptRecordInTheMiddleStopsStartUpNamingFileAndOffset() throws Exception {
        try (FileJournal j = FileJournal.open(disk, NODE, SEGMENT)) {
            for (int i = 0; i < 10; i++) {
                j.writeDecision(fx.decision());
            }
        }
        String segment = segmentFiles().get(0);
        disk.corrupt(segment, 60);
        assertThatThrownBy(() -> FileJournal.open(disk, NODE, SEGMENT))
                .isInstanceOf(LogException.class)
                .hasMessageContaining("PACTUM-1102")
                .hasMessageContaining(segment)
                .hasMessageContaining("offset");
    }

    @Test
    void aTornLastWriteIsCutOffAndTheRestIsKept() throws Exception {
        CommitDecision first = fx.decision();
        try (FileJournal j = FileJournal.open(disk, NODE, SEGMENT)) {
            j.writeDecision(first);
        }
        String segment = segmentFiles().get(0);
        // The next block is written but torn: its checksum fails and nothing valid follows it.
        try (FileJournal j = FileJournal.open(disk, NODE, SEGMENT)) {
            j.writeDecision(fx.decision());
        }
        String last = segmentFiles().get(0);
        int end = lastNonZero(last);
        disk.corrupt(last, end);
        try (FileJournal j = FileJournal.open(disk, NODE, SEGMENT)) {
            assertThat(j.pendingDecisions()).contains(first).hasSize(1);
        }
        assertThat(segment).isNotEqualTo(last);
    }

    @Test
    void readsWhatItWroteAcrossManyRollOvers() throws Exception {
        java.util.Set<CommitDecision> pending = new java.util.HashSet<>();
        try (FileJournal j = FileJournal.open(disk, NODE, SEGMENT)) {
            for (int i = 0; i < 3_000; i++) {
                CommitDecision d = fx.decision();
                j.writeDecision(d);
                if (i % 7 != 0) {
                    j.writeDone(d.globalId());
                } else {
                    pending.add(d);
                }
            }
        }
        try (FileJournal j = FileJournal.open(disk, NODE, SEGMENT)) {
            assertThat(j.pendingDecisions()).containsExactlyInAnyOrderElementsOf(pending);
        }
    }

    private java.util.List<String> segmentFiles() throws Exception {
        return disk.list().stream().filter(n -> JournalFormat.segmentNumber(n) >= 0).sorted().toList();
    }

    private int lastNonZero(String name) throws Exception {
        try (Storage.StorageFile f = disk.open(name, false)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate((int) f.size());
            f.read(b, 0);
            for (int i = b.capacity() - 1; i >= 0; i--) {
                if (b.get(i) != 0) {
                    return i;
                }
            }
        }
        throw new AssertionError("empty segment");
    }
}
