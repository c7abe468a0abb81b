package io.pactum.xid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.Test;

class PactumXidTest {
    private static final NodeId LONGEST = new NodeId("n".repeat(NodeId.MAX_LENGTH));
    private final GlobalId gtrid = new XidFactory(new NodeId("node-1"), 1_700_000_000_000L).newGlobalId();

    /** An Xid as a driver hands it back from recover(): same bytes, another class. */
    private record PlainXid(int formatId, byte[] gtrid, byte[] bqual) implements Xid {
        static PlainXid copyOf(Xid xid) {
            return new PlainXid(xid.getFormatId(), xid.getGlobalTransactionId(), xid.getBranchQualifier());
        }

        @Override
        public int getFormatId() {
            return formatId;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return gtrid;
        }

        @Override
        public byte[] getBranchQualifier() {
            return bqual;
        }
    }

    @Test
    void fitsTheXaLimitsWithTheLongestNodeIdAndBranchNumber() {
        PactumXid xid = new PactumXid(new XidFactory(LONGEST).newGlobalId(), Integer.MAX_VALUE);
        assertThat(xid.getGlobalTransactionId()).hasSizeLessThanOrEqualTo(Xid.MAXGTRIDSIZE);
        assertThat(xid.getBranchQualifier()).hasSizeLessThanOrEqualTo(Xid.MAXBQUALSIZE);
        assertThat(xid.getGlobalTransactionId()).hasSize(2 + 32 + 16);
        assertThat(xid.getBranchQualifier()).hasSize(PactumXid.BQUAL_LENGTH);
    }

    @Test
    void carriesPactumsFormatIdAndTheGlobalId() {
        PactumXid xid = new PactumXid(gtrid, 1);
        assertThat(xid.getFormatId()).isEqualTo(0x5043544D);
        assertThat(xid.getGlobalTransactionId()).isEqualTo(gtrid.toBytes());
        assertThat(xid.globalId()).isEqualTo(gtrid);
    }

    @Test
    void branchesOfOneTransactionShareTheGtridButNotTheBqual() {
        PactumXid one = new PactumXid(gtrid, 1);
        PactumXid two = new PactumXid(gtrid, 2);
        assertThat(one.getGlobalTransactionId()).isEqualTo(two.getGlobalTransactionId());
        assertThat(one.getBranchQualifier()).isNotEqualTo(two.getBranchQualifier());
        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void branchNumbersStartAtOne() {
        assertThatThrownBy(() -> new PactumXid(gtrid, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PactumXid(gtrid, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isEqualByValue() {
        PactumXid xid = new PactumXid(gtrid, 3);
        PactumXid same = new PactumXid(GlobalId.parse(gtrid.toBytes()).orElseThrow(), 3);
        assertThat(same).isNotSameAs(xid).isEqualTo(xid).hasSameHashCodeAs(xid);
        assertThat(xid).isNotEqualTo(new PactumXid(new XidFactory(new NodeId("node-1"), 1).newGlobalId(), 3));
    }

    @Test
    void equalsTheCopyParsedFromADriversXid() {
        PactumXid xid = new PactumXid(gtrid, 3);
        PactumXid parsed = PactumXid.parse(PlainXid.copyOf(xid)).orElseThrow();
        assertThat(parsed).isNotSameAs(xid).isEqualTo(xid).hasSameHashCodeAs(xid);
        assertThat(xid).isEqualTo(parsed);
    }

    @Test
    void parsingRecoversNodeSequenceAndBranch() {
        GlobalId id = new XidFactory(LONGEST, -5).newGlobalId();
        PactumXid parsed = PactumXid.parse(PlainXid.copyOf(new PactumXid(id, 70_000))).orElseThrow();
        assertThat(parsed.globalId().nodeId()).isEqualTo(LONGEST);
        assertThat(parsed.globalId().epoch()).isEqualTo(-5);
        assertThat(parsed.globalId().sequence()).isEqualTo(1);
        assertThat(parsed.branchNumber()).isEqualTo(70_000);
    }

    @Test
    void handsOutCopiesOfItsBytes() {
        PactumXid xid = new PactumXid(gtrid, 1);
        xid.getBranchQualifier()[4] = 9;
        xid.getGlobalTransactionId()[0] = 9;
        assertThat(xid.branchNumber()).isEqualTo(1);
        assertThat(xid.globalId()).isEqualTo(gtrid);
    }

    @Test
    void readsAsGtridAndBranch() {
        assertThat(new PactumXid(gtrid, 2)).hasToString(gtrid + "#2");
    }

    @Test
    void parseIgnoresOtherFormatIds() {
        PlainXid mine = PlainXid.copyOf(new PactumXid(gtrid, 1));
        assertThat(PactumXid.parse(new PlainXid(0, mine.gtrid(), mine.bqual()))).isEmpty();
        assertThat(PactumXid.parse(new PlainXid(-1, mine.gtrid(), mine.bqual()))).isEmpty();
        assertThat(PactumXid.parse(new PlainXid(0x131077, mine.gtrid(), mine.bqual()))).isEmpty();
        assertThat(PactumXid.parse(null)).isEmpty();
    }

    @Test
    void parseRejectsAnotherVersion() {
        PlainXid mine = PlainXid.copyOf(new PactumXid(gtrid, 1));
        assertThat(PactumXid.parse(xid(with(mine.gtrid(), 0, (byte) 2), mine.bqual()))).as("gtrid").isEmpty();
        assertThat(PactumXid.parse(xid(mine.gtrid(), with(mine.bqual(), 0, (byte) 2)))).as("bqual").isEmpty();
    }

    @Test
    void parseRejectsTruncatedOrOverLongBytes() {
        PlainXid mine = PlainXid.copyOf(new PactumXid(gtrid, 1));
        byte[] g = mine.gtrid();
        byte[] b = mine.bqual();
        assertThat(PactumXid.parse(xid(Arrays.copyOf(g, g.length - 1), b))).as("short gtrid").isEmpty();
        assertThat(PactumXid.parse(xid(Arrays.copyOf(g, g.length + 1), b))).as("long gtrid").isEmpty();
        assertThat(PactumXid.parse(xid(g, Arrays.copyOf(b, b.length - 1)))).as("short bqual").isEmpty();
        assertThat(PactumXid.parse(xid(g, Arrays.copyOf(b, b.length + 1)))).as("long bqual").isEmpty();
        assertThat(PactumXid.parse(xid(new byte[0], b))).as("empty gtrid").isEmpty();
        assertThat(PactumXid.parse(xid(g, new byte[0]))).as("empty bqual").isEmpty();
        assertThat(PactumXid.parse(xid(null, b))).as("no gtrid").isEmpty();
        assertThat(PactumXid.parse(xid(g, null))).as("no bqual").isEmpty();
    }

    @Test
    void parseRejectsAnInvalidNodeId() {
        PlainXid mine = PlainXid.copyOf(new PactumXid(gtrid, 1));
        assertThat(PactumXid.parse(xid(with(mine.gtrid(), 2, (byte) ':'), mine.bqual()))).isEmpty();
        assertThat(PactumXid.parse(xid(with(mine.gtrid(), 1, (byte) 0), mine.bqual()))).isEmpty();
    }

    @Test
    void parseRejectsBranchNumberZeroOrNegative() {
        PlainXid mine = PlainXid.copyOf(new PactumXid(gtrid, 1));
        assertThat(PactumXid.parse(xid(mine.gtrid(), with(mine.bqual(), 4, (byte) 0)))).isEmpty();
        assertThat(PactumXid.parse(xid(mine.gtrid(), with(mine.bqual(), 1, (byte) 0x80)))).isEmpty();
    }

    private static PlainXid xid(byte[] gtrid, byte[] bqual) {
        return new PlainXid(PactumXid.FORMAT_ID, gtrid, bqual);
    }

    private static byte[] with(byte[] bytes, int at, byte value) {
        byte[] b = bytes.clone();
        b[at] = value;
        return b;
    }
}
