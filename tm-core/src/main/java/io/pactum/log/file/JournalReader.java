package io.pactum.log.file;

import io.pactum.event.Message;
import io.pactum.log.LogException;
import io.pactum.xid.NodeId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Replays the segments of a journal, oldest first, into a {@link LiveState}. Every block and
 * record is checked by length and CRC32C. Only the last block of the last segment can be torn
 * by a crash (see {@link JournalFormat}); a bad block there with nothing valid after it is a torn
 * tail and is cut off with a warning. Anything else that does not check out stops start-up with
 * the file and offset: the log is never silently skipped over.
 */
final class JournalReader {
    private final Storage storage;
    private final NodeId node;
    private final LiveState state = new LiveState();
    private final BiConsumer<String, JournalEntry> each;

    record Result(LiveState state, List<Long> segments) {
    }

    private JournalReader(Storage storage, NodeId node, BiConsumer<String, JournalEntry> each) {
        this.storage = storage;
        this.node = node;
        this.each = each;
    }

    static Result replay(Storage storage, NodeId node) throws LogException {
        return new JournalReader(storage, node, (where, entry) -> { }).replay();
    }

    /** Replays, and hands every record with its place ("file at offset N") to {@code each}. */
    static Result replay(Storage storage, NodeId node, BiConsumer<String, JournalEntry> each) throws LogException {
        return new JournalReader(storage, node, each).replay();
    }

    private Result replay() throws LogException {
        List<Long> segments;
        try {
            segments = segments(storage);
        } catch (IOException e) {
            throw new LogException("cannot list the journal in " + storage.describe() + ": " + e, e);
        }
        List<Long> kept = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            boolean last = i == segments.size() - 1;
            if (read(segments.get(i), last)) {
                kept.add(segments.get(i));
            }
        }
        return new Result(state, kept);
    }

    /** The numbers of the journal's segment files, oldest first. */
    static List<Long> segments(Storage storage) throws IOException {
        List<Long> numbers = new ArrayList<>();
        for (String name : storage.list()) {
            long n = JournalFormat.segmentNumber(name);
            if (n >= 0) {
                numbers.add(n);
            }
        }
        numbers.sort(Comparator.naturalOrder());
        return numbers;
    }

    /** Replays one segment; false when it is a last segment whose creation a crash cut short. */
    private boolean read(long segment, boolean last) throws LogException {
        String name = JournalFormat.segmentName(segment);
        ByteBuffer b = load(name);
        String[] nodeOut = new String[1];
        int pos = JournalFormat.readHeader(b, segment, nodeOut);
        if (pos < 0) {
            if (last) {
                Message.JOURNAL_SEGMENT_UNFINISHED.log(where(name, 0));
                return false;
            }
            throw corrupt(name, 0, "the segment header is damaged");
        }
        if (!nodeOut[0].equals(node.value())) {
            throw new LogException(where(name, 0) + " was written by node '" + nodeOut[0] + "', not by '" + node
                    + "': this directory mixes the logs of two nodes; move the file back where it belongs");
        }
        int size = b.limit();
        while (pos + JournalFormat.BLOCK_HEADER <= size) {
            if (b.getInt(pos) == 0) {
                if (allZero(b, pos)) {
                    return true;
                }
                bad(name, pos, "bytes follow the end of the data", last, b);
                return true;
            }
            String problem = checkBlock(b, pos);
            if (problem != null) {
                bad(name, pos, problem, last, b);
                return true;
            }
            int length = b.getInt(pos + 4);
            replayBlock(name, b, pos + JournalFormat.BLOCK_HEADER, length);
            pos += JournalFormat.BLOCK_HEADER + length;
        }
        if (!allZero(b, pos)) {
            bad(name, pos, "a block header is cut short", last, b);
        }
        return true;
    }

    private ByteBuffer load(String name) throws LogException {
        try (Storage.StorageFile f = storage.open(name, false)) {
            long size = f.size();
            if (size > Integer.MAX_VALUE) {
                throw new LogException(where(name, 0) + " is larger than 2 GiB: this is not a Pactum journal segment");
            }
            ByteBuffer b = ByteBuffer.allocate((int) size);
            while (b.hasRemaining() && f.read(b, b.position()) >= 0) {
                // read until full
            }
            return b.flip();
        } catch (IOException e) {
            throw new LogException("cannot read " + where(name, 0) + ": " + e, e);
        }
    }

    /** Why the block at pos is not valid, or null when it is. */
    private static String checkBlock(ByteBuffer b, int pos) {
        if (b.getInt(pos) != JournalFormat.BLOCK_MAGIC) {
            return "a block does not start with its magic number";
        }
        int length = b.getInt(pos + 4);
        if (length < 0 || length > JournalFormat.MAX_LENGTH
                || length > b.limit() - pos - JournalFormat.BLOCK_HEADER) {
            return "a block length (" + length + ") runs past the end of the file";
        }
        int crc = JournalFormat.crc(b, pos + JournalFormat.BLOCK_HEADER, length);
        return crc == b.getInt(pos + 8) ? null : "a block checksum does not match";
    }

    private void replayBlock(String name, ByteBuffer b, int start, int length) throws LogException {
        int pos = start;
        int end = start + length;
        while (pos < end) {
            if (end - pos < JournalFormat.RECORD_HEADER + 1) {
                throw corrupt(name, pos, "a record header is cut short inside a valid block");
            }
            int len = b.getInt(pos);
            if (len < 1 || len > end - pos - JournalFormat.RECORD_HEADER) {
                throw corrupt(name, pos, "a record length (" + len + ") runs past its block");
            }
            if (JournalFormat.crc(b, pos + JournalFormat.RECORD_HEADER, len) != b.getInt(pos + 4)) {
                throw corrupt(name, pos, "a record checksum does not match");
            }
            byte type = b.get(pos + JournalFormat.RECORD_HEADER);
            ByteBuffer body = b.slice(pos + JournalFormat.RECORD_HEADER + 1, len - 1);
            JournalEntry entry;
            try {
                entry = JournalFormat.decode(type, body);
            } catch (IllegalArgumentException e) {
                throw corrupt(name, pos, e.getMessage());
            }
            state.apply(entry);
            each.accept(name + " at offset " + pos, entry);
            pos += JournalFormat.RECORD_HEADER + len;
        }
    }

    /** A bad block: a torn tail when it is the last thing in the last segment, corruption otherwise. */
    private void bad(String name, int pos, String problem, boolean last, ByteBuffer b) throws LogException {
        if (!last) {
            throw corrupt(name, pos, problem + " in a segment that was complete");
        }
        int after = validBlockAfter(b, pos);
        if (after >= 0) {
            throw corrupt(name, pos, problem + ", yet a valid block follows at offset " + after);
        }
        Message.JOURNAL_TORN_TAIL.log(where(name, pos), b.limit() - pos, problem);
    }

    private static int validBlockAfter(ByteBuffer b, int from) {
        for (int p = from + 1; p + JournalFormat.BLOCK_HEADER <= b.limit(); p++) {
            if (b.getInt(p) == JournalFormat.BLOCK_MAGIC && checkBlock(b, p) == null) {
                return p;
            }
        }
        return -1;
    }

    private static boolean allZero(ByteBuffer b, int from) {
        for (int p = from; p < b.limit(); p++) {
            if (b.get(p) != 0) {
                return false;
            }
        }
        return true;
    }

    private LogException corrupt(String name, int pos, String problem) {
        return new LogException(Message.JOURNAL_CORRUPT.format(where(name, pos), problem));
    }

    private String where(String name, int pos) {
        return storage.describe() + "/" + name + " at offset " + pos;
    }
}
