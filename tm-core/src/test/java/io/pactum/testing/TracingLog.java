package io.pactum.testing;

import io.pactum.log.BranchRecord;
import io.pactum.log.CommitDecision;
import io.pactum.log.HeuristicRecord;
import io.pactum.log.InMemoryLog;
import io.pactum.log.LogException;
import io.pactum.log.TransactionLog;
import io.pactum.xid.GlobalId;
import io.pactum.xid.PactumXid;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An in-memory log that writes each record into a {@link Trace}: {@code log.decision(A:1,B:2)},
 * {@code log.done}, {@code log.heuristic(B:2,ROLLED_BACK)}. Writes can be made to fail.
 */
public final class TracingLog implements TransactionLog {
    private final InMemoryLog log = new InMemoryLog();
    private final Trace trace;
    private volatile boolean failDecisions;

    public TracingLog(Trace trace) {
        this.trace = trace;
    }

    public void failDecisions(boolean fail) {
        this.failDecisions = fail;
    }

    @Override
    public void writeDecision(CommitDecision decision) throws LogException {
        if (failDecisions) {
            trace.add("log.decision-failed");
            throw new LogException("scripted failure");
        }
        trace.add("log.decision(" + decision.branches().stream().map(TracingLog::branch)
                .collect(Collectors.joining(",")) + ")");
        log.writeDecision(decision);
    }

    @Override
    public void writeDone(GlobalId globalId) {
        trace.add("log.done");
        log.writeDone(globalId);
    }

    @Override
    public void writeHeuristic(HeuristicRecord record) {
        trace.add("log.heuristic(" + branch(record.branch()) + "," + record.outcome() + ")");
        log.writeHeuristic(record);
    }

    @Override
    public void forgetHeuristic(PactumXid xid) {
        trace.add("log.forget(" + xid.branchNumber() + ")");
        log.forgetHeuristic(xid);
    }

    @Override
    public List<CommitDecision> pendingDecisions() {
        return log.pendingDecisions();
    }

    @Override
    public List<HeuristicRecord> heuristics() {
        return log.heuristics();
    }

    @Override
    public boolean isDurable() {
        return false;
    }

    @Override
    public void close() {
    }

    private static String branch(BranchRecord b) {
        return b.resourceName() + ":" + b.xid().branchNumber();
    }
}
