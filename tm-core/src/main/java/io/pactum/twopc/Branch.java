package io.pactum.twopc;

import io.pactum.log.BranchRecord;
import io.pactum.log.HeuristicOutcome;
import io.pactum.xid.PactumXid;
import javax.transaction.xa.XAResource;

/** One branch of a transaction: its XID on one resource manager, and where it stands. */
public final class Branch {
    private final PactumXid xid;
    private final XAResource resource;
    private final String resourceName;
    private final boolean joinAllowed;
    private BranchStatus status = BranchStatus.ACTIVE;
    private HeuristicOutcome heuristic;
    private boolean anchor;

    public Branch(PactumXid xid, XAResource resource, String resourceName, boolean joinAllowed) {
        this.xid = xid;
        this.resource = resource;
        this.resourceName = resourceName;
        this.joinAllowed = joinAllowed;
    }

    public PactumXid xid() {
        return xid;
    }

    public XAResource resource() {
        return resource;
    }

    public String resourceName() {
        return resourceName;
    }

    public boolean joinAllowed() {
        return joinAllowed;
    }

    public BranchStatus status() {
        return status;
    }

    public void status(BranchStatus status) {
        this.status = status;
    }

    /** This branch holds its transaction's decision: it is committed in one phase, never prepared. */
    public void makeAnchor() {
        this.anchor = true;
    }

    public boolean isAnchor() {
        return anchor;
    }

    /** Whether phase 1 passes this branch by: a last resource or the anchor, committed in one phase later. */
    public boolean skipsPrepare() {
        return anchor || resource instanceof io.pactum.xa.LastResource;
    }

    /** The heuristic outcome the resource manager reported, or null. */
    public HeuristicOutcome heuristic() {
        return heuristic;
    }

    void heuristic(HeuristicOutcome outcome, boolean recorded) {
        this.heuristic = outcome;
        this.status = recorded ? BranchStatus.HEURISTIC : BranchStatus.IN_DOUBT;
    }

    public BranchRecord record() {
        return new BranchRecord(xid, resourceName);
    }

    @Override
    public String toString() {
        return xid + "@" + resourceName + "[" + status + "]";
    }
}
