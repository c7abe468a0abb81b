package io.pactum.cli.ops;

import io.pactum.log.CommitDecision;
import io.pactum.log.HeuristicRecord;
import io.pactum.log.file.JournalEntry;
import io.pactum.xid.GlobalId;
import io.pactum.xid.NodeId;
import io.pactum.xid.PactumXid;
import java.util.List;
import java.util.Optional;

/**
 * A node's log as read, without its lock, by an operator command: the decisions still pending,
 * the heuristic outcomes not forgotten, every record with where it is, and who holds the log.
 */
public record LogView(NodeId node, String describe, List<CommitDecision> pending, List<HeuristicRecord> heuristics,
        List<Record> records, Holder holder) {

    /** One record and its place: "journal-...log at offset 4096", or a table row. */
    public record Record(String where, JournalEntry entry) {
    }

    public LogView {
        pending = List.copyOf(pending);
        heuristics = List.copyOf(heuristics);
        records = List.copyOf(records);
    }

    public Optional<CommitDecision> decision(GlobalId id) {
        return pending.stream().filter(d -> d.globalId().sameTransaction(id)).findFirst();
    }

    public Optional<HeuristicRecord> heuristic(PactumXid xid) {
        return heuristics.stream().filter(h -> h.branch().xid().equals(xid)).findFirst();
    }

    /** Where the pending decision of this transaction was written, when the log can tell. */
    public Optional<String> whereDecided(GlobalId id) {
        String where = null;
        for (Record r : records) {
            if (r.entry() instanceof JournalEntry.Decided d && d.decision().globalId().equals(id)) {
                where = r.where(); // the latest: a new segment repeats live decisions
            }
        }
        return Optional.ofNullable(where);
    }
}
