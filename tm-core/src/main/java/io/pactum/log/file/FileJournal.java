package io.pactum.log.file;

import io.pactum.event.Message;
import io.pactum.log.CommitDecision;
import io.pactum.log.GroupCommit;
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
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The durable transaction log: segmented, append-only files in one directory (format in
 * {@link JournalFormat}).
 *
 * <p><b>Group commit</b> ({@link GroupCommit}): records go into the block being filled; the
 * first writer that must wait writes the whole block and forces the file once for everyone in
 * it. "Done" records do not wait: they ride along with the next block.
 *
 * <p><b>Operators</b> cannot write a journal another process holds: {@code pactum forget} leaves a
 * request file instead ({@link #requestForget}), which {@link #applyOperatorRequests} carries
 * out, at open and at every recovery scan.
 *
 * <p><b>Space.</b> When a block would not fit in the current segment, the next segment starts
 * with a snapshot of what is still live (pending decisions, unresolved heuristics) instead, and
 * the older segments are deleted once it is durable. Opening the journal does the same after
 * replaying it, so every start also compacts the log.
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
    private final GroupCommit<Write> group;

    // Guarded by the group commit's lock.
    private final LiveState state;
    private Block filling = new Block();

    // Owned by the writer: the thread in Writer.write, or open and close.
    private Block idle = new Block();
    private Storage.StorageFile current;
    private long segment;
    private long writePosition;
    private long firstBlock;

    /** What one leader writes: a block, or (when the segment is full) a new segment's snapshot. */
    private record Write(Block block, List<byte[]> snapshot) {
    }

    private FileJournal(Storage storage, NodeId node, long segmentSize, LogDirectory directory, LiveState state) {
        this.storage = storage;
        this.node = node;
        this.segmentSize = segmentSize;
        this.directory = directory;
        this.state = state;
        this.spare = new SpareSegment(storage, segmentSize);
        this.group = new GroupCommit<>(new JournalWriter(), true, "the journal in " + storage.describe());
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
        try {
            j.applyOperatorRequests();
        } catch (LogException e) {
            Message.JOURNAL_REQUESTS_FAILED.log(e, storage.describe(), e.getMessage()); // never keeps a node from starting
        }
        return j;
    }

    /**
     * Asks the process holding the journal in {@code dir} to forget a heuristic outcome: leaves a
     * durable request that the journal carries out at its next recovery scan, or when it is next
     * opened. Needs no lock; returns the request's file name.
     */
    public static String requestForget(Path dir, PactumXid xid) throws LogException {
        return requestForget(new FileStorage(dir), xid);
    }

    static String requestForget(Storage storage, PactumXid xid) throws LogException {
        try {
            return ForgetRequests.write(storage, xid);
        } catch (IOException e) {
            throw new LogException("cannot leave a request to forget " + xid + " in " + storage.describe() + ": " + e, e);
        }
    }

    /** Forgets the heuristic outcomes operators asked to forget, and deletes their requests. */
    @Override
    public void applyOperatorRequests() throws LogException {
        List<ForgetRequests.Request> requests;
        try {
            requests = ForgetRequests.pending(storage);
        } catch (IOException e) {
            throw new LogException("cannot list the requests in " + storage.describe() + ": " + e, e);
        }
        for (ForgetRequests.Request r : requests) {
            try {
                if (r.xid().isEmpty()) {
                    Message.JOURNAL_REQUEST_REJECTED.log(r.file(), storage.describe());
                    storage.rename(r.file(), r.file() + ".rejected");
                    continue;
                }
                PactumXid xid = r.xid().get();
                if (group.read(() -> state.heuristics().stream().anyMatch(h -> h.branch().xid().equals(xid)))) {
                    forgetHeuristic(xid); // durable before the request goes
                    Message.JOURNAL_FORGOT_ON_REQUEST.log(xid, storage.describe());
                }
                storage.delete(r.file());
            } catch (IOException e) {
                throw new LogException("cannot remove the request " + r.file() + " from " + storage.describe() + ": "
                        + e, e);
            }
        }
    }

    /** What a journal holds, read without taking its directory's lock. */
    public record Inspection(NodeId node, List<CommitDecision> pending, List<HeuristicRecord> heuristics) {
    }

    /**
     * Reads a journal without opening it for writing, so it works while its process runs: the
     * operator's view. A write under way at that moment may show as a torn tail, which is then
     * left alone (only an open for writing cuts it off).
     *
     * @param each receives every record with its place, oldest first
     */
    public static Inspection inspect(Path dir, BiConsumer<String, JournalEntry> each) throws LogException {
        NodeId node = LogDirectory.storedNodeId(dir).orElseThrow(() -> new LogException(dir
                + " is not a Pactum log directory: it has no node-id file"));
        JournalReader.Result r = JournalReader.replay(new FileStorage(dir), node, each);
        return new Inspection(node, r.state().pending(), r.state().heuristics());
    }

    @Override
    public Optional<NodeId> owner() {
        return Optional.of(node);
    }

    @Override
    public void writeDecision(CommitDecision decision) throws LogException {
        byte[] frame = JournalFormat.decision(decision);
        group.append(() -> add(frame, new JournalEntry.Decided(decision)), true);
    }

    @Override
    public void writeDone(GlobalId globalId) throws LogException {
        byte[] frame = JournalFormat.done(globalId);
        group.append(() -> add(frame, new JournalEntry.Done(globalId)), false);
    }

    @Override
    public void writeHeuristic(HeuristicRecord record) throws LogException {
        byte[] frame = JournalFormat.heuristic(record);
        group.append(() -> add(frame, new JournalEntry.Heuristic(record)), true);
    }

    @Override
    public void forgetHeuristic(PactumXid xid) throws LogException {
        byte[] frame = JournalFormat.forgotten(xid);
        group.append(() -> add(frame, new JournalEntry.Forgotten(xid)), true);
    }

    private void add(byte[] frame, JournalEntry entry) {
        state.apply(entry);
        filling.add(frame);
    }

    private final class JournalWriter implements GroupCommit.Writer<Write> {
        @Override
        public Write take() {
            Block block = filling;
            filling = idle;
            boolean roll = writePosition > firstBlock && writePosition + block.size() > segmentSize;
            return new Write(block, roll ? state.snapshot() : null);
        }

        @Override
        public void write(Write w) throws IOException {
            try {
                if (w.snapshot() != null) {
                    rollOver(w.snapshot()); // the snapshot already holds what the block says
                } else {
                    writeBlock(w.block().seal());
                }
            } catch (IOException | RuntimeException e) {
                Message.JOURNAL_FAILED.log(e, storage.describe(), e.toString());
                throw e;
            } finally {
                w.block().reset();
                idle = w.block();
            }
        }

        @Override
        public boolean wantsFlush() {
            return filling.size() > FLUSH_BYTES;
        }
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
        for (long old : JournalReader.segments(storage)) {
            if (old < next) {
                storage.delete(JournalFormat.segmentName(old));
            }
        }
        spare.prepare();
    }

    @Override
    public List<CommitDecision> pendingDecisions() {
        return group.read(state::pending);
    }

    @Override
    public List<HeuristicRecord> heuristics() {
        return group.read(state::heuristics);
    }

    @Override
    public boolean isDurable() {
        return true;
    }

    /** Writes what is buffered, then releases the files and the directory lock. */
    @Override
    public void close() throws LogException {
        try {
            group.close();
        } finally {
            spare.close();
            try {
                current.close();
            } catch (IOException e) {
                Message.LOG_CLOSE_FAILED.log(e);
            }
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
