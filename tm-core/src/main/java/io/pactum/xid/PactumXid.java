package io.pactum.xid;

import java.util.Arrays;
import java.util.Optional;
import javax.transaction.xa.Xid;

/**
 * The XID of one branch of a Pactum transaction: Pactum's format id, the transaction's
 * {@link GlobalId} and a branch qualifier.
 *
 * <p>Branch qualifier layout, {@value #BQUAL_LENGTH} bytes:
 * <pre>
 *   byte      version           always {@value GlobalId#VERSION}
 *   4 bytes   branch number     1-based within the transaction, big-endian
 * </pre>
 * Equality is by value, as MySQL's Connector/J keys maps by XID.
 */
public final class PactumXid implements Xid {
    /** "PCTM" in ASCII: the format id of every XID Pactum creates. */
    public static final int FORMAT_ID = 0x5043544D;
    public static final int BQUAL_LENGTH = 5;

    private final GlobalId globalId;
    private final byte[] bqual;
    private final int hash;

    public PactumXid(GlobalId globalId, int branchNumber) {
        if (branchNumber < 1) {
            throw new IllegalArgumentException("branch numbers start at 1: " + branchNumber);
        }
        this.globalId = globalId;
        this.bqual = new byte[BQUAL_LENGTH];
        bqual[0] = GlobalId.VERSION;
        Bytes.putInt(bqual, 1, branchNumber);
        this.hash = globalId.hashCode() * 31 + branchNumber;
    }

    /** Reads any XID back; empty unless it is one Pactum created. */
    public static Optional<PactumXid> parse(Xid xid) {
        if (xid == null || xid.getFormatId() != FORMAT_ID) {
            return Optional.empty();
        }
        byte[] b = xid.getBranchQualifier();
        if (b == null || b.length != BQUAL_LENGTH || b[0] != GlobalId.VERSION || Bytes.getInt(b, 1) < 1) {
            return Optional.empty();
        }
        return GlobalId.parse(xid.getGlobalTransactionId()).map(g -> new PactumXid(g, Bytes.getInt(b, 1)));
    }

    public GlobalId globalId() {
        return globalId;
    }

    public int branchNumber() {
        return Bytes.getInt(bqual, 1);
    }

    @Override
    public int getFormatId() {
        return FORMAT_ID;
    }

    @Override
    public byte[] getGlobalTransactionId() {
        return globalId.toBytes();
    }

    @Override
    public byte[] getBranchQualifier() {
        return bqual.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PactumXid other && hash == other.hash && globalId.equals(other.globalId)
                && Arrays.equals(bqual, other.bqual);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Operator form: {@code gtrid#branch}. */
    @Override
    public String toString() {
        return globalId + "#" + branchNumber();
    }
}
