package io.pactum.cli.xid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.xid.GlobalId;
import io.pactum.xid.PactumXid;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An operator names a branch in any form a tool showed it, and gets back the same XID. */
class XidTextTest {
    private static final PactumXid BRANCH = new PactumXid(gtrid("orders-1", 0x18c2f3a4b5eL, 42), 2);

    /** A gtrid in GlobalId's documented layout, built independently of XidText. */
    private static GlobalId gtrid(String node, long epoch, long sequence) {
        byte[] name = node.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(18 + name.length);
        b.put((byte) 1).put((byte) name.length).put(name).putLong(epoch).putLong(sequence);
        return GlobalId.parse(b.array()).orElseThrow();
    }

    @Test
    void theOperatorFormIsWhatPactumLogs() {
        assertThat(XidText.format(BRANCH)).isEqualTo("orders-1:18c2f3a4b5e:42#2").isEqualTo(BRANCH.toString());
        XidPattern p = XidText.parse("orders-1:18c2f3a4b5e:42#2");
        assertThat(p.branch()).contains(BRANCH);
        assertThat(p.globalId()).contains(BRANCH.globalId());
    }

    @Test
    void withoutABranchNumberItNamesEveryBranchOfTheTransaction() {
        XidPattern p = XidText.parse("orders-1:18c2f3a4b5e:42");
        assertThat(p.branch()).isEmpty();
        assertThat(p.matches(BRANCH)).isTrue();
        assertThat(p.matches(new PactumXid(BRANCH.globalId(), 7))).isTrue();
        assertThat(p.matches(new PactumXid(gtrid("orders-1", 0x18c2f3a4b5eL, 43), 2))).isFalse();
    }

    @Test
    void hexPostgresAndMysqlFormsNameTheSameBranch() {
        for (String text : new String[] {XidText.hex(BRANCH), XidText.postgresGid(BRANCH), XidText.mysql(BRANCH),
                XidText.hex(BRANCH).toUpperCase()}) {
            XidPattern p = XidText.parse(text);
            assertThat(p.branch()).as(text).contains(BRANCH);
            assertThat(p.matches(new RawXid(BRANCH.getFormatId(), BRANCH.getGlobalTransactionId(),
                    BRANCH.getBranchQualifier()))).as(text).isTrue();
        }
    }

    @Test
    void theHexFormSpellsFormatGtridAndBqual() {
        assertThat(XidText.hex(BRANCH)).isEqualTo("5043544d:01086f72646572732d31" + "0000018c2f3a4b5e"
                + "000000000000002a:0100000002");
        assertThat(XidText.postgresGid(BRANCH)).startsWith("1346589773_AQhvcmRlcnMtMQ");
        assertThat(XidText.mysql(BRANCH)).endsWith("',X'0100000002',1346589773");
    }

    @Test
    void aForeignXidStaysRawAndIsShownInHex() {
        Xid foreign = new RawXid(0x1234, "other-tm-gtrid-0001".getBytes(StandardCharsets.US_ASCII), new byte[] {9});
        String hex = XidText.format(foreign);
        assertThat(hex).startsWith("1234:").endsWith(":09");
        XidPattern p = XidText.parse(hex);
        assertThat(p.globalId()).isEmpty();
        assertThat(p.matches(foreign)).isTrue();
        assertThat(p.matches(BRANCH)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "orders-1", "orders-1:xyz:42#1", "orders-1:18c:42#0", "5043544d:abcd:0g",
            "has space:18c:1#1", "1346589773_!!_AQ=="})
    void anythingElseIsRefusedWithTheFormsItTakes(String text) {
        assertThatThrownBy(() -> XidText.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node:epoch:sequence#branch").hasMessageContaining("X'..',X'..',format");
    }

    @Test
    void driverXidsCompareByContent() {
        Xid copy = new RawXid(BRANCH.getFormatId(), BRANCH.getGlobalTransactionId(), BRANCH.getBranchQualifier());
        assertThat(XidText.same(BRANCH, copy)).isTrue();
        assertThat(RawXid.of(BRANCH)).isEqualTo(copy).hasSameHashCodeAs(copy);
        assertThat(XidText.same(new PactumXid(BRANCH.globalId(), 1), copy)).isFalse();
    }

    @Test
    void theOperatorFormNamesTheBranchesOfAnAnchoredTransactionToo() {
        io.pactum.xid.XidFactory process = new io.pactum.xid.XidFactory(new io.pactum.xid.NodeId("n1"), 0x18c2f3a4b5eL);
        process.anchor("pg");
        PactumXid x = new PactumXid(process.newGlobalId(), 2);
        assertThat(x.globalId().anchor()).isNotZero();

        assertThat(XidText.parse(x.toString()).matches(x)).isTrue();
        assertThat(XidText.parse(x.globalId().toString()).matches(x)).isTrue();
        assertThat(XidText.parse(XidText.hex(x)).matches(x)).isTrue();
        assertThat(XidText.parse("n1:18c2f3a4b5e:1#3").matches(x)).isFalse();
        assertThat(XidText.parse("n1:18c2f3a4b5e:2").matches(x)).isFalse();
    }
}
