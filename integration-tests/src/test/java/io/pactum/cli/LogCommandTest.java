package io.pactum.cli;

import static io.pactum.cli.Operations.MY;
import static io.pactum.cli.Operations.OLD_EPOCH;
import static io.pactum.cli.Operations.PG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactum.log.BranchRecord;
import io.pactum.log.CommitDecision;
import io.pactum.log.HeuristicOutcome;
import io.pactum.log.HeuristicRecord;
import io.pactum.log.file.FileJournal;
import io.pactum.xid.GlobalId;
import io.pactum.xid.PactumXid;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pactum log} decodes every record of the journal, with the file and offset it is at. */
class LogCommandTest {
    @TempDir
    Path dir;

    @Test
    void everyRecordInOrderWithItsPlace() throws Exception {
        try (Operations ops = new Operations(dir)) {
            GlobalId done = ops.transaction(OLD_EPOCH);
            GlobalId pending = ops.transaction(OLD_EPOCH);
            PactumXid heuristic = Operations.branch(ops.transaction(OLD_EPOCH), 1);
            Instant at = Instant.parse("2026-11-26T10:00:00Z");
            try (FileJournal j = FileJournal.open(ops.logDir, ops.node, FileJournal.DEFAULT_SEGMENT_SIZE)) {
                j.writeDecision(decision(done, at));
                j.writeDecision(decision(pending, at));
                j.writeDone(done);
                j.writeHeuristic(new HeuristicRecord(new BranchRecord(heuristic, MY), HeuristicOutcome.MIXED, true, at));
                j.writeHeuristic(new HeuristicRecord(new BranchRecord(new PactumXid(heuristic.globalId(), 2), PG),
                        HeuristicOutcome.HAZARD, true, at));
                j.forgetHeuristic(heuristic);
            }

            Operations.Result log = ops.pactum("log", "--json");

            assertThat(log.code()).as(log.toString()).isZero();
            JsonNode json = log.json();
            List<String> types = new ArrayList<>();
            json.get("records").forEach(r -> types.add(r.get("type").asText() + " " + (r.has("transaction")
                    ? r.get("transaction").asText() : r.get("xid").asText())));
            assertThat(types).containsExactly("decided " + done, "decided " + pending, "done " + done,
                    "heuristic " + heuristic, "heuristic " + new PactumXid(heuristic.globalId(), 2), "forgotten " + heuristic);
            assertThat(json.get("records").get(0).get("where").asText()).matches("journal-\\d+\\.log at offset \\d+");
            assertThat(json.get("records").get(0).get("branches").get(1).get("resource").asText()).isEqualTo(MY);
            assertThat(json.get("pending")).hasSize(1);
            assertThat(json.get("pending").get(0).get("transaction").asText()).isEqualTo(pending.toString());
            assertThat(json.get("heuristics")).hasSize(1);

            Operations.Result human = ops.pactum("log");
            assertThat(human.out()).containsPattern("journal-\\d+\\.log at offset \\d+ +decided +" + pending
                    + " commit at 2026-11-26T10:00:00Z, deadline 2026-11-26T10:01:00Z: #1 pg, #2 my")
                    .containsPattern("done +" + done)
                    .containsPattern("heuristic " + heuristic + " MIXED on my at 2026-11-26T10:00:00Z \\(decided commit\\)")
                    .containsPattern("forgotten " + heuristic)
                    .contains("pending decisions: 1, heuristic outcomes not forgotten: 1");
        }
    }

    private static CommitDecision decision(GlobalId g, Instant at) {
        return new CommitDecision(g, List.of(new BranchRecord(new PactumXid(g, 1), PG),
                new BranchRecord(new PactumXid(g, 2), MY)), at.plusSeconds(60), at);
    }
}
