package io.pactum.xid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.Test;

class GlobalIdTest {
    private static final NodeId NODE = new NodeId("node-1");
    private static final NodeId LONGEST = new NodeId("n".repeat(NodeId.MAX_LENGTH));

    @Test
    void fitsAnXidWithTheLongestNodeIdAndAnAnchor() {
        XidFactory f = new XidFactory(LONGEST);
        assertThat(f.newGlobalId().toBytes()).hasSize(GlobalId.MAX_LENGTH - 8);
        f.anchor("orders-db");
        assertThat(f.newGlobalId().toBytes()).hasSize(GlobalId.MAX_LENGTH);
        assertThat(GlobalId.MAX_LENGTH).isLessThanOrEqualTo(Xid.MAXGTRIDSIZE);
    }

    @Test
    void anAnchoredGtridKeepsItsAnchorAndIsAnotherIdThanThePlainOne() {
        GlobalId anchored = GlobalId.of(NODE, 1_000, 7, GlobalId.anchorId("orders-db"));
        GlobalId parsed = GlobalId.parse(anchored.toBytes()).orElseThrow();
        assertThat(parsed).isEqualTo(anchored).hasSameHashCodeAs(anchored);
        assertThat(parsed.anchor()).isEqualTo(GlobalId.anchorId("orders-db")).isNotZero();
        assertThat(parsed.sequence()).isEqualTo(7);
        GlobalId plain = GlobalId.of(NODE, 1_000, 7);
        assertThat(plain.anchor()).isZero();
        assertThat(plain).isNotEqualTo(anchored);
        assertThat(plain.sameTransaction(anchored)).isTrue();
        assertThat(GlobalId.anchorId("orders-db")).isNotEqualTo(GlobalId.anchorId("orders-db2"));
    }

    @Test
    void anAnchoredGtridWithAZeroAnchorOrTheWrongLengthIsNotOurs() {
        byte[] b = GlobalId.of(NODE, 1_000, 7, 1).toBytes();
        byte[] zero = b.clone();
        java.util.Arrays.fill(zero, zero.length - 8, zero.length, (byte) 0);
        assertThat(GlobalId.parse(zero)).isEmpty();
        assertThat(GlobalId.parse(java.util.Arrays.copyOf(b, b.length - 8))).isEmpty();
        byte[] plain = GlobalId.of(NODE, 1_000, 7).toBytes();
        plain[0] = GlobalId.ANCHORED;
        assertThat(GlobalId.parse(plain)).isEmpty();
    }

    @Test
    void parsingRecoversNodeEpochAndSequence() {
        GlobalId id = GlobalId.of(NODE, 1_700_000_000_123L, 42);
        GlobalId parsed = GlobalId.parse(id.toBytes()).orElseThrow();
        assertThat(parsed.nodeId()).isEqualTo(NODE);
        assertThat(parsed.epoch()).isEqualTo(1_700_000_000_123L);
        assertThat(parsed.sequence()).isEqualTo(42);
    }

    @Test
    void parsingRecoversEveryBitOfEpochAndSequence() {
        for (long v : new long[] {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x80L, 0xFF00FF00FF00FF00L}) {
            GlobalId parsed = GlobalId.parse(GlobalId.of(LONGEST, v, ~v).toBytes()).orElseThrow();
            assertThat(parsed.epoch()).as("epoch %x", v).isEqualTo(v);
            assertThat(parsed.sequence()).as("sequence %x", ~v).isEqualTo(~v);
            assertThat(parsed.nodeId()).isEqualTo(LONGEST);
        }
    }

    @Test
    void isEqualByValue() {
        GlobalId id = GlobalId.of(NODE, 7, 9);
        GlobalId same = GlobalId.parse(id.toBytes()).orElseThrow();
        assertThat(same).isNotSameAs(id).isEqualTo(id).hasSameHashCodeAs(id);
        assertThat(id).isNotEqualTo(GlobalId.of(NODE, 7, 10))
                .isNotEqualTo(GlobalId.of(NODE, 8, 9))
                .isNotEqualTo(GlobalId.of(new NodeId("node-2"), 7, 9));
    }

    @Test
    void handsOutCopiesOfItsBytes() {
        GlobalId id = GlobalId.of(NODE, 7, 9);
        byte[] b = id.toBytes();
        b[b.length - 1]++;
        assertThat(id.sequence()).isEqualTo(9);
        assertThat(id.toBytes()).isNotEqualTo(b);
    }

    @Test
    void doesNotShareTheBytesItParsed() {
        byte[] b = GlobalId.of(NODE, 7, 9).toBytes();
        GlobalId id = GlobalId.parse(b).orElseThrow();
        b[b.length - 1]++;
        assertThat(id.sequence()).isEqualTo(9);
    }

    @Test
    void readsAsNodeEpochInHexAndSequence() {
        assertThat(GlobalId.of(NODE, 0xABCL, 42)).hasToString("node-1:abc:42");
    }

    @Test
    void parseRejectsBytesPactumDidNotWrite() {
        byte[] good = GlobalId.of(NODE, 7, 9).toBytes();
        assertThat(GlobalId.parse(null)).isEmpty();
        assertThat(GlobalId.parse(new byte[0])).isEmpty();
        assertThat(GlobalId.parse(java.util.Arrays.copyOf(good, good.length - 1))).as("truncated").isEmpty();
        assertThat(GlobalId.parse(java.util.Arrays.copyOf(good, good.length + 1))).as("over-long").isEmpty();
        assertThat(GlobalId.parse(with(good, 0, (byte) 2))).as("version 2").isEmpty();
        assertThat(GlobalId.parse(with(good, 0, (byte) 0))).as("version 0").isEmpty();
        assertThat(GlobalId.parse(with(good, 2, (byte) ' '))).as("space in node id").isEmpty();
        assertThat(GlobalId.parse(with(good, 2, (byte) 0xE9))).as("non-ASCII node id").isEmpty();
    }

    @Test
    void parseRejectsANodeIdLengthThatDoesNotMatch() {
        byte[] good = GlobalId.of(NODE, 7, 9).toBytes();
        assertThat(GlobalId.parse(with(good, 1, (byte) 0))).isEmpty();
        assertThat(GlobalId.parse(with(good, 1, (byte) 5))).isEmpty();
        assertThat(GlobalId.parse(with(good, 1, (byte) 7))).isEmpty();
        assertThat(GlobalId.parse(with(good, 1, (byte) -6))).isEmpty();
    }

    @Test
    void parseRejectsANodeIdLongerThanAllowedEvenWhenTheLengthsAgree() {
        byte[] b = new byte[2 + 33 + 16];
        b[0] = GlobalId.VERSION;
        b[1] = 33;
        java.util.Arrays.fill(b, 2, 35, (byte) 'n');
        assertThat(GlobalId.parse(b)).isEmpty();
    }

    @Test
    void oneFactoryNeverRepeatsAnId() {
        XidFactory f = new XidFactory(NODE, 1);
        Set<GlobalId> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(f.newGlobalId());
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void oneFactoryNeverRepeatsAnIdAcrossThreads() throws Exception {
        XidFactory f = new XidFactory(NODE, 1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<List<GlobalId>> issue = () -> {
                List<GlobalId> ids = new ArrayList<>();
                for (int i = 0; i < 5_000; i++) {
                    ids.add(f.newGlobalId());
                }
                return ids;
            };
            List<Future<List<GlobalId>>> results = pool.invokeAll(List.of(issue, issue));
            Set<GlobalId> all = new HashSet<>();
            for (Future<List<GlobalId>> r : results) {
                all.addAll(r.get());
            }
            assertThat(all).hasSize(10_000);
        } finally {
            pool.shutdown();
        }
    }

    /** A restart of the same node starts its sequence again: the epoch keeps the ids apart. */
    @Test
    void twoFactoriesWithDifferentEpochsNeverShareAnId() {
        XidFactory before = new XidFactory(NODE, 1_000);
        XidFactory after = new XidFactory(NODE, 2_000);
        Set<GlobalId> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            ids.add(before.newGlobalId());
            ids.add(after.newGlobalId());
        }
        assertThat(ids).hasSize(2_000);
    }

    @Test
    void twoNodesNeverShareAnId() {
        XidFactory a = new XidFactory(new NodeId("a"), 1_000);
        XidFactory b = new XidFactory(new NodeId("b"), 1_000);
        assertThat(a.newGlobalId()).isNotEqualTo(b.newGlobalId());
    }

    @Test
    void aFactoryWritesItsNodeAndEpoch() {
        GlobalId id = new XidFactory(NODE, 1_234).newGlobalId();
        assertThat(id.nodeId()).isEqualTo(NODE);
        assertThat(id.epoch()).isEqualTo(1_234);
        assertThat(id.sequence()).isEqualTo(1);
    }

    private static byte[] with(byte[] bytes, int at, byte value) {
        byte[] b = bytes.clone();
        b[at] = value;
        return b;
    }
}
