package io.pactum.xid;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The global transaction id (gtrid) of a Pactum transaction, as a value.
 *
 * <p>Binary layout, at most {@value #MAX_LENGTH} bytes:
 * <pre>
 *   byte      version           always {@value #VERSION}
 *   byte      n                 length of the node id, 1..{@value NodeId#MAX_LENGTH}
 *   n bytes   node id           US-ASCII
 *   8 bytes   epoch             start of the issuing process, epoch milliseconds, big-endian
 *   8 bytes   sequence          per-process counter, big-endian
 * </pre>
 * The epoch keeps sequences unique across restarts of the same node; the log directory's lock
 * keeps two processes of one node from running at once.
 */
public final class GlobalId {
    public static final byte VERSION = 1;
    public static final int MAX_LENGTH = 2 + NodeId.MAX_LENGTH + 16;

    private final byte[] bytes;
    private final int hash;

    private GlobalId(byte[] bytes) {
        this(bytes, Arrays.hashCode(bytes));
    }

    private GlobalId(byte[] bytes, int hash) {
        this.bytes = bytes;
        this.hash = hash;
    }

    static GlobalId of(NodeId node, long epoch, long sequence) {
        return new Prefix(node, epoch).with(sequence);
    }

    /** Everything but the sequence, encoded and hashed once per process: begin only adds the sequence. */
    static final class Prefix {
        private final byte[] bytes;
        private final int hash;

        Prefix(NodeId node, long epoch) {
            byte[] name = node.value().getBytes(StandardCharsets.US_ASCII);
            bytes = new byte[2 + name.length + 8];
            bytes[0] = VERSION;
            bytes[1] = (byte) name.length;
            System.arraycopy(name, 0, bytes, 2, name.length);
            Bytes.putLong(bytes, 2 + name.length, epoch);
            hash = Arrays.hashCode(bytes);
        }

        GlobalId with(long sequence) {
            byte[] b = Arrays.copyOf(bytes, bytes.length + 8);
            Bytes.putLong(b, bytes.length, sequence);
            int h = hash;
            for (int i = bytes.length; i < b.length; i++) {
                h = 31 * h + b[i]; // continues Arrays.hashCode over the whole array
            }
            return new GlobalId(b, h);
        }
    }

    /** Reads a gtrid back; empty when the bytes are not a gtrid Pactum wrote. */
    public static Optional<GlobalId> parse(byte[] gtrid) {
        if (gtrid == null || gtrid.length < 19 || gtrid[0] != VERSION) {
            return Optional.empty();
        }
        int n = gtrid[1];
        if (n < 1 || n > NodeId.MAX_LENGTH || gtrid.length != 2 + n + 16) {
            return Optional.empty();
        }
        String name = new String(gtrid, 2, n, StandardCharsets.US_ASCII);
        if (!NodeId.isValid(name)) {
            return Optional.empty();
        }
        return Optional.of(new GlobalId(gtrid.clone()));
    }

    public NodeId nodeId() {
        return new NodeId(new String(bytes, 2, bytes[1], StandardCharsets.US_ASCII));
    }

    public long epoch() {
        return Bytes.getLong(bytes, 2 + bytes[1]);
    }

    public long sequence() {
        return Bytes.getLong(bytes, 10 + bytes[1]);
    }

    /** A copy of the raw gtrid. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    byte[] raw() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GlobalId other && hash == other.hash && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Operator form: {@code node:epoch-in-hex:sequence}. */
    @Override
    public String toString() {
        return nodeId().value() + ':' + Long.toHexString(epoch()) + ':' + sequence();
    }
}
