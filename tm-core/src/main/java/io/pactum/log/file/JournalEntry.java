package io.pactum.log.file;

import io.pactum.log.CommitDecision;
import io.pactum.log.HeuristicRecord;
import io.pactum.xid.GlobalId;
import io.pactum.xid.PactumXid;

/** What one journal record says. */
public sealed interface JournalEntry {
    record Decided(CommitDecision decision) implements JournalEntry {
    }

    record Done(GlobalId globalId) implements JournalEntry {
    }

    record Heuristic(HeuristicRecord record) implements JournalEntry {
    }

    record Forgotten(PactumXid xid) implements JournalEntry {
    }
}
