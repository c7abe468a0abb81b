package io.pactum.log.file;

import io.pactum.log.CommitDecision;
import io.pactum.log.HeuristicRecord;
import io.pactum.xid.GlobalId;
import io.pactum.xid.PactumXid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the journal still has to remember: decisions without "done", heuristics not forgotten.
 * A new segment starts with exactly this, so older segments can be deleted. Not thread-safe:
 * the journal guards it.
 */
final class LiveState {
    private final Map<GlobalId, CommitDecision> pending = new HashMap<>();
    private final Map<PactumXid, HeuristicRecord> heuristics = new LinkedHashMap<>();

    void apply(JournalEntry entry) {
        if (entry instanceof JournalEntry.Decided d) {
            decided(d.decision());
        } else if (entry instanceof JournalEntry.Done d) {
            done(d.globalId());
        } else if (entry instanceof JournalEntry.Heuristic h) {
            heuristic(h.record());
        } else if (entry instanceof JournalEntry.Forgotten f) {
            forgotten(f.xid());
        }
    }

    void decided(CommitDecision d) {
        pending.put(d.globalId(), d);
    }

    void done(GlobalId id) {
        pending.remove(id);
    }

    void heuristic(HeuristicRecord h) {
        heuristics.put(h.branch().xid(), h);
    }

    void forgotten(PactumXid xid) {
        heuristics.remove(xid);
    }

    List<CommitDecision> pending() {
        return new ArrayList<>(pending.values());
    }

    List<HeuristicRecord> heuristics() {
        return new ArrayList<>(heuristics.values());
    }

    /** The records a new segment starts with. */
    List<byte[]> snapshot() {
        List<byte[]> frames = new ArrayList<>(pending.size() + heuristics.size());
        pending.values().forEach(d -> frames.add(JournalFormat.decision(d)));
        heuristics.values().forEach(h -> frames.add(JournalFormat.heuristic(h)));
        return frames;
    }
}
