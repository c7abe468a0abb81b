package io.pactum.log;

import java.time.Instant;
import java.util.Objects;

/**
 * A heuristic outcome of one branch, kept until an operator forgets it. {@code committed} says
 * what the transaction had decided, so that the record reads on its own.
 */
public record HeuristicRecord(BranchRecord branch, HeuristicOutcome outcome, boolean committed, Instant at) {
    public HeuristicRecord {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
    }
}
