package io.pactum.xid;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The global transaction id (gtrid) of a Pactum transaction, as a value.
 *
 * <p>Binary layout, at most {@value #MAX_LENGTH} bytes:
 * <pre>
 *   byte      version           {@value #VERSION}, or {@value #ANCHORED} when it names a decision anchor
 *   byte      n                 length of the node id, 1..{@value NodeId#MAX_LENGTH}
 *   n bytes   node id           US-ASCII
 *   8 bytes   epoch             start of the issuing process, epoch milliseconds, big-endian
 *   8 bytes   sequence          per-process counter, big-endian
 *   8 bytes   anchor            version {@value #ANCHORED} only: {@link #anchorId} of the resource
 *                               that may hold the commit decision instead of the log
 * </pre>
 * The epoch keeps sequences unique across restarts of the same node; the log directory's lock
 * keeps two processes of one node from running at once. The anchor is part of the id because
 * recovery must know, from a prepared branch alone, where its decision may be: a recovery that
 * does not know that resource never presumes abort for it.
 */
public final class GlobalId {
    public static final byte VERSION = 1;
    public static final byte ANCHORED = 2;
    public static final int MAX_LENGTH = 2 + NodeId.MAX_LENGTH + 24;

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
        return new Prefix(node, epoch, 0).with(sequence);
    }

    /** A gtrid whose decision may be held by the resource whose {@link #anchorId} is {@code anchor}. */
    static GlobalId of(NodeId node, long epoch, long sequence, long anchor) {
        return new Prefix(node, epoch, anchor).with(sequence);
    }

    /**
     * The id of a decision anchor as gtrids carry it: the first 8 bytes of the SHA-256 of its
     * resource name, never 0. Stable across processes and versions.
     */
    public static long anchorId(String resourceName) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(resourceName.getBytes(StandardCharsets.UTF_8));
            long id = Bytes.getLong(d, 0);
            return id == 0 ? 1 : id;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Everything but the sequence, encoded and hashed once per process: begin only adds the
     * sequence (and the anchor, which follows it).
     */
    static final class Prefix {
        private final byte[] bytes;
        private final int hash;
        private final long anchor;

        Prefix(NodeId node, long epoch, long anchor) {
            byte[] name = node.value().getBytes(StandardCharsets.US_ASCII);
            bytes = new byte[2 + name.length + 8];
            bytes[0] = anchor == 0 ? VERSION : ANCHORED;
            bytes[1] = (byte) name.length;
            System.arraycopy(name, 0, bytes, 2, name.length);
            Bytes.putLong(bytes, 2 + name.length, epoch);
            hash = Arrays.hashCode(bytes);
            this.anchor = anchor;
        }

        GlobalId with(long sequence) {
            byte[] b = Arrays.copyOf(bytes, bytes.length + (anchor == 0 ? 8 : 16));
            Bytes.putLong(b, bytes.length, sequence);
            if (anchor != 0) {
                Bytes.putLong(b, bytes.length + 8, anchor);
            }
            int h = hash;
            for (int i = bytes.length; i < b.length; i++) {
                h = 31 * h + b[i]; // continues Arrays.hashCode over the whole array
            }
            return new GlobalId(b, h);
        }
    }

    /** Reads a gtrid back; empty when the bytes are not a gtrid Pactum wrote. */
    public static Optional<GlobalId> parse(byte[] gtrid) {
        if (gtrid == null || gtrid.length < 19 || (gtrid[0] != VERSION && gtrid[0] != ANCHORED)) {
            return Optional.empty();
        }
        int n = gtrid[1];
        if (n < 1 || n > NodeId.MAX_LENGTH || gtrid.length != 2 + n + (gtrid[0] == ANCHORED ? 24 : 16)) {
            return Optional.empty();
        }
        if (gtrid[0] == ANCHORED && Bytes.getLong(gtrid, 2 + n + 16) == 0) {
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

    /** The {@link #anchorId} of the resource that may hold this transaction's decision; 0 for none. */
    public long anchor() {
        return bytes[0] == ANCHORED ? Bytes.getLong(bytes, 18 + bytes[1]) : 0;
    }

    /** Whether this is the same transaction: the same node, epoch and sequence, whatever its anchor. */
    public boolean sameTransaction(GlobalId other) {
        return nodeId().equals(other.nodeId()) && epoch() == other.epoch() && sequence() == other.sequence();
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
