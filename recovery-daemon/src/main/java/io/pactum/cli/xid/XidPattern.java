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

    /** Whether this XID is the branch named, or a branch of the transaction named. */
    public boolean matches(Xid xid) {
        if (branch != null) {
            return XidText.same(branch, xid);
        }
        return PactumXid.parse(xid).map(p -> p.globalId().equals(transaction)).orElse(false);
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
