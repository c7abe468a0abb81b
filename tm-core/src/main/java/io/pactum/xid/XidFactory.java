package io.pactum.xid;

import java.util.concurrent.atomic.AtomicLong;

/** Issues the global ids of one node; unique across restarts through the start epoch. */
public final class XidFactory {
    private final NodeId nodeId;
    private final long epoch;
    private final AtomicLong sequence = new AtomicLong();
    private final GlobalId.Prefix plain;
    private volatile GlobalId.Prefix prefix;

    public XidFactory(NodeId nodeId) {
        this(nodeId, System.currentTimeMillis());
    }

    /** A factory with a given epoch: for tools and tests that stand in for another process. */
    public XidFactory(NodeId nodeId, long epoch) {
        this.nodeId = nodeId;
        this.epoch = epoch;
        this.plain = new GlobalId.Prefix(nodeId, epoch, 0);
        this.prefix = plain;
    }

    /**
     * Names the resource that may hold the decisions of transactions begun from now on
     * ({@link GlobalId#anchorId}), or none with null.
     */
    public void anchor(String resourceName) {
        prefix = resourceName == null ? plain : new GlobalId.Prefix(nodeId, epoch, GlobalId.anchorId(resourceName));
    }

    /** When this process began issuing ids; ids of another epoch come from a process that has ended. */
    public long epoch() {
        return epoch;
    }

    public NodeId nodeId() {
        return nodeId;
    }

    public GlobalId newGlobalId() {
        return prefix.with(sequence.incrementAndGet());
    }
}
