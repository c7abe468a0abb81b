package io.pactum.log.file;

import io.pactum.log.BranchRecord;
import io.pactum.log.CommitDecision;
import io.pactum.log.HeuristicOutcome;
import io.pactum.log.HeuristicRecord;
import io.pactum.xid.GlobalId;
import io.pactum.xid.NodeId;
import io.pactum.xid.PactumXid;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The journal's binary format. All integers are big-endian; strings are a 2-byte length and
 * UTF-8 bytes; a gtrid is a 1-byte length and its bytes (see {@link GlobalId}); times are epoch
 * milliseconds.
 *
 * <pre>
 * segment file  journal-NNNNNNNNNNNNNNNN.log (NNN: the segment number, 16 hex digits)
 *   header      8 bytes magic "PCTMJRNL" | int version (1) | long segment number
 *               | string node id | int CRC32C of the header bytes before it
 *   blocks      one per write; every write is forced before the next one starts, so only the
 *               last block of the last segment can be torn by a crash
 *   zeros       the preallocated rest of the file; where a block's magic would be, zero ends the data
 *
 * block         int magic "PBLK" | int length of the records | int CRC32C of the records | records
 * record        int length (type + body) | int CRC32C of type + body | byte type | body
 *
 * type 1  DECISION    gtrid | long decided at | long deadline | short branch count
 *                     | per branch: int branch number, string resource name
 * type 2  DONE        gtrid
 * type 3  HEURISTIC   gtrid | int branch number | string resource name | byte outcome
 *                     (1 committed, 2 rolled back, 3 mixed, 4 hazard) | byte decided commit (0/1)
 *                     | long at
 * type 4  FORGOTTEN   gtrid | int branch number
 * </pre>
 */
final class JournalFormat {
    static final byte[] MAGIC = "PCTMJRNL".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    /** "PBLK": tells a block from a record frame when a torn tail is searched for what follows. */
    static final int BLOCK_MAGIC = 0x50424C4B;
    static final int BLOCK_HEADER = 12;
    static final int RECORD_HEADER = 8;
    /** No block or record is larger; a larger length is corruption. */
    static final int MAX_LENGTH = 64 << 20;

    static final byte DECISION = 1;
    static final byte DONE = 2;
    static final byte HEURISTIC = 3;
    static final byte FORGOTTEN = 4;

    private JournalFormat() {
    }

    static String segmentName(long number) {
        return String.format("journal-%016x.log", number);
    }

    /** The segment number of a journal file name, or -1 when the name is not one. */
    static long segmentNumber(String name) {
        if (!name.matches("journal-[0-9a-f]{16}\\.log")) {
            return -1;
        }
        return Long.parseUnsignedLong(name.substring(8, 24), 16);
    }

    static ByteBuffer header(long segment, NodeId node) {
        byte[] id = node.value().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + 8 + 2 + id.length + 4);
        b.put(MAGIC).putInt(VERSION).putLong(segment).putShort((short) id.length).put(id);
        b.putInt(crc(b.array(), 0, b.position()));
        return b.flip();
    }

    /**
     * Reads a header; returns its length, or -1 when the bytes are not a whole valid header
     * (a segment whose creation a crash cut short).
     */
    static int readHeader(ByteBuffer b, long expectedSegment, String[] nodeOut) {
        try {
            byte[] magic = new byte[MAGIC.length];
            b.get(0, magic);
            if (!java.util.Arrays.equals(magic, MAGIC) || b.getInt(MAGIC.length) != VERSION
                    || b.getLong(MAGIC.length + 4) != expectedSegment) {
                return -1;
            }
            int n = b.getShort(MAGIC.length + 12);
            int end = MAGIC.length + 14 + n;
            if (n < 1 || n > 255 || b.getInt(end) != crc(b, 0, end)) {
                return -1;
            }
            byte[] id = new byte[n];
            b.get(MAGIC.length + 14, id);
            nodeOut[0] = new String(id, StandardCharsets.UTF_8);
            return end + 4;
        } catch (IndexOutOfBoundsException e) {
            return -1;
        }
    }

    static byte[] decision(CommitDecision d) {
        Frame f = new Frame(DECISION).gtrid(d.globalId()).putLong(d.decidedAt().toEpochMilli())
                .putLong(d.deadline().toEpochMilli()).putShort(d.branches().size());
        for (BranchRecord r : d.branches()) {
            f.putInt(r.xid().branchNumber()).string(r.resourceName());
        }
        return f.bytes();
    }

    static byte[] done(GlobalId id) {
        return new Frame(DONE).gtrid(id).bytes();
    }

    static byte[] heuristic(HeuristicRecord h) {
        PactumXid xid = h.branch().xid();
        return new Frame(HEURISTIC).gtrid(xid.globalId()).putInt(xid.branchNumber())
                .string(h.branch().resourceName()).put(h.outcome().ordinal() + 1).put(h.committed() ? 1 : 0)
                .putLong(h.at().toEpochMilli()).bytes();
    }

    static byte[] forgotten(PactumXid xid) {
        return new Frame(FORGOTTEN).gtrid(xid.globalId()).putInt(xid.branchNumber()).bytes();
    }

    /**
     * Decodes one record body.
     *
     * @throws IllegalArgumentException when the body does not make sense for its type
     */
    static JournalEntry decode(byte type, ByteBuffer body) {
        try {
            GlobalId id = gtrid(body);
            JournalEntry e = switch (type) {
                case DECISION -> decodeDecision(id, body);
                case DONE -> new JournalEntry.Done(id);
                case HEURISTIC -> decodeHeuristic(id, body);
                case FORGOTTEN -> new JournalEntry.Forgotten(new PactumXid(id, body.getInt()));
                default -> throw new IllegalArgumentException("unknown record type " + type);
            };
            if (body.hasRemaining()) {
                throw new IllegalArgumentException(body.remaining() + " unread bytes after a record of type " + type);
            }
            return e;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("record of type " + type + " is shorter than its fields", e);
        }
    }

    private static JournalEntry decodeDecision(GlobalId id, ByteBuffer b) {
        Instant decidedAt = Instant.ofEpochMilli(b.getLong());
        Instant deadline = Instant.ofEpochMilli(b.getLong());
        int n = b.getShort();
        List<BranchRecord> branches = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            PactumXid xid = new PactumXid(id, b.getInt());
            branches.add(new BranchRecord(xid, string(b)));
        }
        return new JournalEntry.Decided(new CommitDecision(id, branches, deadline, decidedAt));
    }

    private static JournalEntry decodeHeuristic(GlobalId id, ByteBuffer b) {
        PactumXid xid = new PactumXid(id, b.getInt());
        String name = string(b);
        int outcome = b.get() - 1;
        if (outcome < 0 || outcome >= HeuristicOutcome.values().length) {
            throw new IllegalArgumentException("unknown heuristic outcome " + (outcome + 1));
        }
        boolean committed = b.get() == 1;
        Instant at = Instant.ofEpochMilli(b.getLong());
        return new JournalEntry.Heuristic(new HeuristicRecord(new BranchRecord(xid, name),
                HeuristicOutcome.values()[outcome], committed, at));
    }

    private static GlobalId gtrid(ByteBuffer b) {
        byte[] raw = new byte[b.get() & 0xFF];
        b.get(raw);
        return GlobalId.parse(raw).orElseThrow(() -> new IllegalArgumentException("not a Pactum gtrid"));
    }

    private static String string(ByteBuffer b) {
        byte[] raw = new byte[b.getShort() & 0xFFFF];
        b.get(raw);
        return new String(raw, StandardCharsets.UTF_8);
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32C c = new CRC32C();
        c.update(bytes, offset, length);
        return (int) c.getValue();
    }

    static int crc(ByteBuffer b, int offset, int length) {
        CRC32C c = new CRC32C();
        c.update(b.slice(offset, length));
        return (int) c.getValue();
    }

    /** Builds one record frame: a blank header, type and body, then the header filled in. */
    private static final class Frame {
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(128);

        Frame(byte type) {
            putLong(0).put(type);
        }

        Frame put(int b) {
            bytes.write(b);
            return this;
        }

        Frame putShort(int v) {
            return put(v >>> 8).put(v);
        }

        Frame putInt(int v) {
            return putShort(v >>> 16).putShort(v);
        }

        Frame putLong(long v) {
            return putInt((int) (v >>> 32)).putInt((int) v);
        }

        Frame gtrid(GlobalId id) {
            byte[] raw = id.toBytes();
            put(raw.length);
            bytes.writeBytes(raw);
            return this;
        }

        Frame string(String s) {
            byte[] raw = s.getBytes(StandardCharsets.UTF_8);
            if (raw.length > 0xFFFF) {
                throw new IllegalArgumentException("a resource name is longer than 65535 bytes");
            }
            putShort(raw.length);
            bytes.writeBytes(raw);
            return this;
        }

        byte[] bytes() {
            byte[] f = bytes.toByteArray();
            int length = f.length - RECORD_HEADER;
            ByteBuffer.wrap(f).putInt(0, length).putInt(4, crc(f, RECORD_HEADER, length));
            return f;
        }
    }
}
