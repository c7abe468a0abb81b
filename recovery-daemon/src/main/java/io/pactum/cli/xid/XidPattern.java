package io.pactum.cli.xid;

import io.pactum.xid.GlobalId;
import io.pactum.xid.PactumXid;
import java.util.Optional;
import javax.transaction.xa.Xid;

/** What an operator named: one branch (any XID), or every branch of one Pactum transaction. */
public final class XidPattern {
    private final Xid branch;
    private final GlobalId transaction;

    private XidPattern(Xid branch, GlobalId transaction) {
        this.branch = branch;
        this.transaction = transaction;
    }

    public static XidPattern branch(Xid xid) {
        return new XidPattern(xid, PactumXid.parse(xid).map(PactumXid::globalId).orElse(null));
    }

    public static XidPattern transaction(GlobalId id) {
        return new XidPattern(null, id);
    }

    /**
     * Whether this XID is the branch named, or a branch of the transaction named. Pactum's XIDs
     * match by node, epoch, sequence (and branch number): the operator form does not show the
     * anchor a gtrid may carry.
     */
    public boolean matches(Xid xid) {
        Optional<PactumXid> p = PactumXid.parse(xid);
        if (branch == null) {
            return p.map(x -> x.globalId().sameTransaction(transaction)).orElse(false);
        }
        Optional<PactumXid> named = PactumXid.parse(branch);
        if (named.isPresent() && p.isPresent()) {
            return p.get().globalId().sameTransaction(named.get().globalId())
                    && p.get().branchNumber() == named.get().branchNumber();
        }
        return XidText.same(branch, xid);
    }

    /** The transaction, when the XID named is Pactum's. */
    public Optional<GlobalId> globalId() {
        return Optional.ofNullable(transaction);
    }

    /** The one branch named; empty when a whole transaction was named. */
    public Optional<Xid> branch() {
        return Optional.ofNullable(branch);
    }

    @Override
    public String toString() {
        return branch != null ? XidText.format(branch) : transaction.toString();
    }
}
