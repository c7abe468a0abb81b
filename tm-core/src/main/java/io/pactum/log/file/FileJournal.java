package io.pactum.log.file;

import io.pactum.event.Message;
import io.pactum.log.CommitDecision;
import io.pactum.log.HeuristicRecord;
import io.pactum.log.LogException;
import io.pactum.log.TransactionLog;
import io.pactum.xid.GlobalId;
import io.pactum.xid.NodeId;
import io.pactum.xid.PactumXid;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The durable transaction log: segmented, append-only files in one directory (format in
 * {@link JournalFormat}).
 *
 * <p><b>Group commit.</b> Writers append their record to the block being filled and wait until
 * it is durable. The first waiter that finds no write under way becomes the leader: it takes the
 * whole block, writes it, forces the file once and wakes everyone whose record was in it; records
 * appended meanwhile go into the next block, which the next leader writes. One thread alone pays
 * one force per record and no hand-off to another thread; many threads share each force.
 * "Done" records do not wait: they ride along with the next block.
 *
 * <p><b>Space.</b> When a block would not fit in the current segment, the leader starts a new
 * segment with a snapshot of what is still live (pending decisions, unresolved heuristics)
 * instead, and deletes the older segments once the new one is durable. Opening the journal does
 * the same after replaying it, so every start also compacts the log.
 */
public final class FileJournal implements TransactionLog {
    public static final long DEFAULT_SEGMENT_SIZE = 16L << 20;
    /** Done records alone are written without waiting once this many bytes are buffered. */
    private static final int FLUSH_BYTES = 256 << 10;

    private final Storage storage;
    private final NodeId node;
    private final long segmentSize;
    private final LogDirectory directory;
    private final SpareSegment spare;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();

    // Guarded by lock.
    private final LiveState state;
    private Block filling = new Block();
    private Block idle = new Block();
    private long appended;
    private long durable;
    private boolean writing;
    private boolean closed;
    private IOException failure;

    // Owned by the thread that set writing (the leader), or by open/close.
    private Storage.StorageFile current;
    private long segment;
    private long writePosition;
    private long firstBlock;

    private FileJournal(Storage storage, NodeId node, long segmentSize, LogDirectory directory, LiveState state) {
        this.storage = storage;
        this.node = node;
        this.segmentSize = segmentSize;
        this.directory = directory;
        this.state = state;
        this.spare = new SpareSegment(storage, segmentSize);
    }

    /**
     * Opens (or creates) the journal in a directory: locks it, checks its node id, replays it.
     *
     * @param configuredNodeId the configured node id, or null to use the one stored in the directory
     */
    public static FileJournal open(Path dir, String configuredNodeId, long segmentSize) throws LogException {
        LogDirectory d = LogDirectory.open(dir, configuredNodeId);
        try {
            return open(new FileStorage(dir), d.nodeId(), segmentSize, d);
        } catch (LogException | RuntimeException e) {
            d.close();
            throw e;
        }
    }

    /** Opens a journal on any storage, without a lock file (tests put a faulty disk here). */
    public static FileJournal open(Storage storage, NodeId node, long segmentSize) throws LogException {
        return open(storage, node, segmentSize, null);
    }

    private static FileJournal open(Storage storage, NodeId node, long segmentSize, LogDirectory d)
            throws LogException {
        if (segmentSize < 64 << 10) {
            throw new IllegalArgumentException("journal segment size " + segmentSize + " is too small: use 64 KiB or more");
        }
        JournalReader.Result replayed = JournalReader.replay(storage, node);
        FileJournal j = new FileJournal(storage, node, segmentSize, d, replayed.state());
        try {
            List<Long> all = JournalReader.segments(storage);
            j.segment = all.isEmpty() ? 0 : all.get(all.size() - 1);
            j.spare.prepareNow();
            j.rollOver(replayed.state().snapshot());
        } catch (IOException e) {
            j.spare.close();
            throw new LogException("cannot start a new journal segment in " + storage.describe() + ": " + e, e);
        }
        Message.JOURNAL_OPENED.log(storage.describe(), replayed.state().pending().size(),
                replayed.state().heuristics().size());
        return j;
    }

    public NodeId nodeId() {
        return node;
    }

    @Override
    public void writeDecision(CommitDecision decision) throws LogException {
        append(new JournalEntry.Decided(decision), JournalFormat.decision(decision), true);
    }

    @Override
    public void writeDone(GlobalId globalId) throws LogException {
        append(new JournalEntry.Done(globalId), JournalFormat.done(globalId), false);
    }

    @Override
    public void writeHeuristic(HeuristicRecord record) throws LogException {
        append(new JournalEntry.Heuristic(record), JournalFormat.heuristic(record), true);
    }

    @Override
    public void forgetHeuristic(PactumXid xid) throws LogException {
        append(new JournalEntry.Forgotten(xid), JournalFormat.forgotten(xid), true);
    }

    private void append(JournalEntry entry, byte[] frame, boolean wait) throws LogException {
        lock.lock();
        try {
            checkUsable();
            state.apply(entry);
            filling.add(frame);
            long mine = appended += frame.length;
            if (wait) {
                awaitDurable(mine);
            } else if (!writing && filling.size() > FLUSH_BYTES) {
                lead();
            }
        } finally {
            lock.unlock();
        }
    }

    private void awaitDurable(long position) throws LogException {
        while (durable < position) {
            checkFailure();
            if (writing) {
                written.awaitUninterruptibly();
            } else {
                lead();
            }
        }
    }

    /** Writes and forces the filling block. Called and returns with the lock held. */
    private void lead() {
        writing = true;
        Block block = filling;
        filling = idle;
        long upTo = appended;
        boolean roll = writePosition > firstBlock && writePosition + block.size() > segmentSize;
        List<byte[]> snapshot = roll ? state.snapshot() : null;
        lock.unlock();
        IOException error = null;
        try {
            if (roll) {
                rollOver(snapshot); // the snapshot already holds what the block says
            } else {
                writeBlock(block.seal());
            }
        } catch (IOException | RuntimeException e) {
            error = e instanceof IOException io ? io : new IOException(e);
        } finally {
            lock.lock();
        }
        block.reset();
        idle = block;
        writing = false;
        if (error != null) {
            failure = error;
            Message.JOURNAL_FAILED.log(error, storage.describe(), error.toString());
        } else {
            durable = upTo;
        }
        written.signalAll();
    }

    private void writeBlock(ByteBuffer block) throws IOException {
        int length = block.remaining();
        current.write(block, writePosition);
        current.force();
        writePosition += length;
    }

    /** Starts the next segment with the live records, makes it durable, deletes the older ones. */
    private void rollOver(List<byte[]> snapshot) throws IOException {
        long next = segment + 1;
        Storage.StorageFile file = spare.take(JournalFormat.segmentName(next));
        try {
            ByteBuffer header = JournalFormat.header(next, node);
            long position = header.remaining();
            file.write(header, 0);
            long first = position;
            if (!snapshot.isEmpty()) {
                Block b = new Block();
                snapshot.forEach(b::add);
                ByteBuffer sealed = b.seal();
                position += sealed.remaining();
                file.write(sealed, first);
            }
            file.force();
            storage.syncDirectory();
            if (current != null) {
                current.close();
            }
            current = file;
            segment = next;
            firstBlock = first;
            writePosition = position;
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
        for (long old : JournalReader.segmentsBelow(storage, next)) {
            storage.delete(JournalFormat.segmentName(old));
        }
        spare.prepare();
    }

    private void checkUsable() throws LogException {
        if (closed) {
            throw new LogException("the journal in " + storage.describe() + " is closed");
        }
        checkFailure();
    }

    private void checkFailure() throws LogException {
        if (failure != null) {
            throw new LogException(Message.JOURNAL_FAILED.format(storage.describe(), failure.toString()), failure);
        }
    }

    @Override
    public List<CommitDecision> pendingDecisions() {
        lock.lock();
        try {
            return state.pending();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<HeuristicRecord> heuristics() {
        lock.lock();
        try {
            return state.heuristics();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isDurable() {
        return true;
    }

    /** Writes what is buffered, then releases the files and the directory lock. */
    @Override
    public void close() throws LogException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            while (writing) {
                written.awaitUninterruptibly();
            }
            if (failure == null && !filling.isEmpty()) {
                lead();
            }
            closed = true;
        } finally {
            lock.unlock();
        }
        spare.close();
        try {
            current.close();
        } catch (IOException e) {
            throw new LogException("closing the journal in " + storage.describe() + " failed: " + e, e);
        } finally {
            if (directory != null) {
                directory.close();
            }
        }
    }

    @Override
    public String toString() {
        return "file journal in " + storage.describe() + " (node " + node + ")";
    }
}
