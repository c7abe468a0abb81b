package io.pactum.log;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Group commit for a log. Callers add their record to the batch being filled, under one lock;
 * the first caller that must wait and finds no write under way becomes the leader: it takes the
 * whole batch, writes it (outside the lock) and wakes everyone whose record was in it. Records
 * added meanwhile go into the next batch, which the next leader writes. One thread alone pays
 * one write per record and no hand-off to another thread; concurrent callers share each write.
 *
 * @param <B> what the writer takes from the batch being filled
 */
public final class GroupCommit<B> {

    /** The log behind the group commit. */
    public interface Writer<B> {
        /** Takes everything added since the last take; called under the lock. */
        B take();

        /** Makes a batch durable; called without the lock, by one thread at a time. */
        void write(B batch) throws Exception;

        /** Whether records that need not wait have piled up enough to be written anyway. */
        default boolean wantsFlush() {
            return false;
        }
    }

    /** One batch: whether it was written, and how that went. */
    private static final class Ticket {
        int records;
        boolean finished;
        Exception failure;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    private final Writer<B> writer;
    private final boolean failureIsFinal;
    private final String name;
    private Ticket filling = new Ticket();
    private boolean writing;
    private boolean closed;
    private Exception finalFailure;

    /**
     * @param failureIsFinal whether one failed write makes every later one fail too (a file whose
     *                       sync failed is in an unknown state; a database connection is not)
     * @param name           what the log is, for messages
     */
    public GroupCommit(Writer<B> writer, boolean failureIsFinal, String name) {
        this.writer = writer;
        this.failureIsFinal = failureIsFinal;
        this.name = name;
    }

    /**
     * Runs {@code add} under the lock, to put a record into the batch being filled, and when
     * {@code durable} returns only once that batch was written.
     */
    public void append(Runnable add, boolean durable) throws LogException {
        lock.lock();
        try {
            checkUsable();
            add.run();
            Ticket mine = filling;
            mine.records++;
            if (!durable) {
                if (!writing && writer.wantsFlush()) {
                    lead();
                }
                return;
            }
            while (!mine.finished) {
                if (writing) {
                    written.awaitUninterruptibly();
                } else {
                    lead();
                }
            }
            if (mine.failure != null) {
                throw new LogException("writing " + name + " failed: " + mine.failure, mine.failure);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code read} under the lock, for state that {@code add} actions change. */
    public <T> T read(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    /** Writes the batch being filled. Called and returns with the lock held. */
    private void lead() {
        writing = true;
        Ticket ticket = filling;
        filling = new Ticket();
        B batch = writer.take();
        lock.unlock();
        Exception failure = null;
        try {
            writer.write(batch);
        } catch (Exception e) {
            failure = e;
        } finally {
            lock.lock();
        }
        ticket.finished = true;
        ticket.failure = failure;
        if (failure != null && failureIsFinal) {
            finalFailure = failure;
        }
        writing = false;
        written.signalAll();
    }

    private void checkUsable() throws LogException {
        if (closed) {
            throw new LogException(name + " is closed");
        }
        if (finalFailure != null) {
            throw new LogException(name + " failed earlier and takes no more records: " + finalFailure
                    + "; restart the process to recover from the log", finalFailure);
        }
    }

    /** The final failure, if a write failed for good. */
    public Exception failure() {
        return read(() -> finalFailure);
    }

    /** Writes what is still buffered and refuses every later record. */
    public void close() throws LogException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            while (writing) {
                written.awaitUninterruptibly();
            }
            Ticket last = filling;
            if (finalFailure == null && last.records > 0) {
                lead();
            }
            closed = true;
            if (last.failure != null) {
                throw new LogException("writing " + name + " on close failed: " + last.failure, last.failure);
            }
        } finally {
            lock.unlock();
        }
    }
}
