package io.pactum.log.file;

import io.pactum.log.BranchRecord;
import io.pactum.log.CommitDecision;
import io.pactum.log.HeuristicOutcome;
import io.pactum.log.HeuristicRecord;
import io.pactum.xid.GlobalId;
import io.pactum.xid.NodeId;
import io.pactum.xid.PactumXid;
import io.pactum.xid.XidFactory;
import java.time.Instant;
import java.util.List;

/** Decisions and heuristics to write in journal tests. */
final class JournalFixtures {
    static final NodeId NODE = new NodeId("journal-test");
    private final XidFactory xids = new XidFactory(NODE);

    GlobalId nextId() {
        return xids.newGlobalId();
    }

    CommitDecision decision() {
        return decision(nextId());
    }

    static CommitDecision decision(GlobalId id) {
        return new CommitDecision(id, List.of(new BranchRecord(new PactumXid(id, 1), "orders"),
                new BranchRecord(new PactumXid(id, 2), "payments")), Instant.ofEpochMilli(2_000_000),
                Instant.ofEpochMilli(1_000_000));
    }

    static HeuristicRecord heuristic(GlobalId id) {
        return new HeuristicRecord(new BranchRecord(new PactumXid(id, 2), "payments"), HeuristicOutcome.ROLLED_BACK,
                true, Instant.ofEpochMilli(3_000_000));
    }
}
