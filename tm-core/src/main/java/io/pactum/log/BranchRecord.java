package io.pactum.log;

import io.pactum.xid.PactumXid;
import java.util.Objects;

/** One branch of a logged transaction: its XID and the resource that holds it. */
public record BranchRecord(PactumXid xid, String resourceName) {
    public BranchRecord {
        Objects.requireNonNull(xid, "xid");
        Objects.requireNonNull(resourceName, "resourceName");
    }
}
