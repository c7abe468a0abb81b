package io.pactum.log.file;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A block being filled with record frames; its header is filled in when it is sealed. */
final class Block {
    private byte[] buf = new byte[64 * 1024];
    private int count = JournalFormat.BLOCK_HEADER;

    void add(byte[] frame) {
        if (count + frame.length > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + frame.length));
        }
        System.arraycopy(frame, 0, buf, count, frame.length);
        count += frame.length;
    }

    boolean isEmpty() {
        return count == JournalFormat.BLOCK_HEADER;
    }

    /** Bytes the block takes on disk. */
    int size() {
        return count;
    }

    ByteBuffer seal() {
        int length = count - JournalFormat.BLOCK_HEADER;
        ByteBuffer b = ByteBuffer.wrap(buf, 0, count);
        b.putInt(0, JournalFormat.BLOCK_MAGIC).putInt(4, length)
                .putInt(8, JournalFormat.crc(buf, JournalFormat.BLOCK_HEADER, length));
        return b;
    }

    void reset() {
        count = JournalFormat.BLOCK_HEADER;
    }
}
