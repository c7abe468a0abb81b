package io.pactum.log;

import io.pactum.xid.GlobalId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The decision to commit a transaction whose branches all voted yes: once durable, recovery
 * commits every listed branch, whatever happens to this process.
 */
public record CommitDecision(GlobalId globalId, List<BranchRecord> branches, Instant deadline, Instant decidedAt) {
    public CommitDecision {
        Objects.requireNonNull(globalId, "globalId");
        branches = List.copyOf(branches);
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
