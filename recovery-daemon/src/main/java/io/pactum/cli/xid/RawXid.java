package io.pactum.cli.xid;

import java.util.Arrays;
import javax.transaction.xa.Xid;

/**
 * Any XID as a value: format id, gtrid and bqual bytes. Drivers return XIDs of their own
 * classes; this one compares by content, so they can be matched and used as keys.
 */
public final class RawXid implements Xid {
    private final int formatId;
    private final byte[] gtrid;
    private final byte[] bqual;

    public RawXid(int formatId, byte[] gtrid, byte[] bqual) {
        this.formatId = formatId;
        this.gtrid = gtrid.clone();
        this.bqual = bqual.clone();
    }

    public static RawXid of(Xid xid) {
        return xid instanceof RawXid r ? r
                : new RawXid(xid.getFormatId(), xid.getGlobalTransactionId(), xid.getBranchQualifier());
    }

    @Override
    public int getFormatId() {
        return formatId;
    }

    @Override
    public byte[] getGlobalTransactionId() {
        return gtrid.clone();
    }

    @Override
    public byte[] getBranchQualifier() {
        return bqual.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawXid r && r.formatId == formatId && Arrays.equals(r.gtrid, gtrid)
                && Arrays.equals(r.bqual, bqual);
    }

    @Override
    public int hashCode() {
        return (formatId * 31 + Arrays.hashCode(gtrid)) * 31 + Arrays.hashCode(bqual);
    }

    @Override
    public String toString() {
        return XidText.hex(this);
    }
}
