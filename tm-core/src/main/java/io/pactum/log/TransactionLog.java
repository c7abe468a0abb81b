package io.pactum.log;

import io.pactum.xid.GlobalId;
import io.pactum.xid.PactumXid;
import io.pactum.xid.NodeId;
import java.util.List;
import java.util.Optional;

/**
 * Where commit decisions are kept until every branch has finished. Pactum presumes abort:
 * nothing is written before all branches voted yes, and a transaction without a decision is
 * rolled back by recovery.
 *
 * <p>Implementations are safe for concurrent use.
 */
public interface TransactionLog extends AutoCloseable {

    /** Writes the decision and returns only once it is durable. */
    void writeDecision(CommitDecision decision) throws LogException;

    /**
     * Records that phase 2 finished for every branch, so the decision may be forgotten. Need not
     * be durable: a lost "done" only makes recovery commit branches that are already gone.
     */
    void writeDone(GlobalId globalId) throws LogException;

    /** Writes a heuristic outcome and returns only once it is durable (before {@code forget}). */
    void writeHeuristic(HeuristicRecord record) throws LogException;

    /** An operator resolved this branch's heuristic outcome; it no longer needs to be kept. */
    void forgetHeuristic(PactumXid xid) throws LogException;

    /**
     * Carries out what operators asked of this log from outside the process (a file journal's
     * {@code pactum forget} requests); recovery calls it at every scan. Most logs take no such
     * requests.
     */
    default void applyOperatorRequests() throws LogException {
    }

    /** The decisions that have no "done" yet: what recovery must finish. */
    List<CommitDecision> pendingDecisions() throws LogException;

    /**
     * The pending decisions of another node, for a node that took it over; empty when this log
     * cannot see other nodes' decisions (a file journal holds one node's only). Recovery never
     * rolls back a taken-over node's branch whose decisions it cannot read.
     */
    default Optional<List<CommitDecision>> pendingDecisionsOf(NodeId node) throws LogException {
        return owner().filter(node::equals).isPresent() ? Optional.of(pendingDecisions()) : Optional.empty();
    }

    /** The heuristic outcomes no operator has forgotten yet. */
    List<HeuristicRecord> heuristics() throws LogException;

    /** The node whose log this is, when the log itself knows (a log directory holds its node id). */
    default Optional<NodeId> owner() {
        return Optional.empty();
    }

    /** Whether decisions survive a crash of this process. */
    boolean isDurable();

    @Override
    void close() throws LogException;
}
