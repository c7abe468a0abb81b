package io.pactum.log;

import io.pactum.xid.GlobalId;
import io.pactum.xid.PactumXid;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A log that lives in this process only: decisions do not survive a crash. For tests and demos.
 */
public final class InMemoryLog implements TransactionLog {
    private final ConcurrentHashMap<GlobalId, CommitDecision> pending = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<HeuristicRecord> heuristics = new ConcurrentLinkedQueue<>();

    @Override
    public void writeDecision(CommitDecision decision) {
        pending.put(decision.globalId(), decision);
    }

    @Override
    public void writeDone(GlobalId globalId) {
        pending.remove(globalId);
    }

    @Override
    public void writeHeuristic(HeuristicRecord record) {
        heuristics.add(record);
    }

    @Override
    public void forgetHeuristic(PactumXid xid) {
        heuristics.removeIf(h -> h.branch().xid().equals(xid));
    }

    @Override
    public List<CommitDecision> pendingDecisions() {
        return new ArrayList<>(pending.values());
    }

    @Override
    public List<HeuristicRecord> heuristics() {
        return new ArrayList<>(heuristics);
    }

    @Override
    public boolean isDurable() {
        return false;
    }

    @Override
    public void close() {
    }
}
