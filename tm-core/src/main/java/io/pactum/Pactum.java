package io.pactum;

import io.pactum.config.PactumConfig;
import io.pactum.event.TransactionListener;
import io.pactum.log.InMemoryLog;
import io.pactum.log.LogException;
import io.pactum.log.file.FileJournal;
import io.pactum.log.TransactionLog;
import io.pactum.tx.PactumTransactionManager;
import io.pactum.xid.NodeId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a Pactum transaction manager starts:
 * <pre>{@code
 * PactumTransactionManager tm = Pactum.builder()
 *     .logDirectory(Path.of("/var/lib/pactum"))
 *     .defaultTimeout(Duration.ofSeconds(60))
 *     .build();
 * }</pre>
 */
public final class Pactum {
    private Pactum() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects settings; {@link #build()} validates them all at once. */
    public static final class Builder {
        private String nodeId;
        private TransactionLog log;
        private Path logDirectory;
        private long logSegmentSize = FileJournal.DEFAULT_SEGMENT_SIZE;
        private Duration defaultTimeout = Duration.ofSeconds(60);
        private Duration maxTimeout = Duration.ofHours(1);
        private Duration reaperInterval = Duration.ofMillis(100);
        private int commitRetries = 3;
        private Duration retryDelay = Duration.ofMillis(100);
        private int parallelPhases = Runtime.getRuntime().availableProcessors();
        private Duration parallelCallsSlowerThan = Duration.ofNanos(50_000);
        private final List<TransactionListener> listeners = new ArrayList<>();
        private Boolean recovery;
        private Duration recoveryInterval = Duration.ofSeconds(30);
        private Duration orphanSafetyInterval = Duration.ofSeconds(60);
        private final Set<NodeId> recoverNodes = new HashSet<>();

        private Builder() {
        }

        /** This node's id (1 to 32 of A-Z a-z 0-9 . _ -); with an in-memory log, a random one by default. */
        public Builder nodeId(String nodeId) {
            this.nodeId = nodeId;
            return this;
        }

        /**
         * The durable file journal in this directory (created if missing). The directory holds
         * the node id from its first start on and is locked while this transaction manager runs.
         */
        public Builder logDirectory(Path directory) {
            this.logDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** The size of one journal file; the journal keeps about two of them. Default 16 MiB. */
        public Builder logSegmentSize(long bytes) {
            this.logSegmentSize = bytes;
            return this;
        }

        /** A log that keeps nothing across a crash: for tests and demos only. */
        public Builder inMemoryLog() {
            this.log = new InMemoryLog();
            return this;
        }

        /** The log commit decisions go to. */
        public Builder logStore(TransactionLog log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        public Builder defaultTimeout(Duration timeout) {
            this.defaultTimeout = timeout;
            return this;
        }

        public Builder maxTimeout(Duration timeout) {
            this.maxTimeout = timeout;
            return this;
        }

        public Builder reaperInterval(Duration interval) {
            this.reaperInterval = interval;
            return this;
        }

        public Builder commitRetries(int retries) {
            this.commitRetries = retries;
            return this;
        }

        public Builder retryDelay(Duration delay) {
            this.retryDelay = delay;
            return this;
        }

        /**
         * While at most this many transactions are in flight (begun, not yet completed), a
         * phase's XA calls (prepare, then commit) go to the branches side by side, each on a
         * thread of its own, rather than one after another: a two-branch commit then waits for
         * the slower branch of each phase instead of both. A hand-off costs CPU, which pays only
         * while cores are idle, so with more transactions in flight calls go one after another.
         * Only calls that wait are worth a hand-off: phases go side by side once sampled
         * branch calls take 50 µs or more (a database round trip; not an in-memory resource).
         * Side by side, phase 1 asks every branch even when one refuses. 0 turns it off;
         * default: the number of processors.
         */
        public Builder parallelPhases(int transactions) {
            this.parallelPhases = transactions;
            return this;
        }

        /**
         * As {@link #parallelPhases(int)}, with the branch call time from which phases go side
         * by side; zero: whatever the calls take.
         */
        public Builder parallelPhases(int transactions, Duration callsSlowerThan) {
            this.parallelPhases = transactions;
            this.parallelCallsSlowerThan = callsSlowerThan;
            return this;
        }

        /**
         * Whether this process runs recovery scans (every {@link #recoveryInterval}). On by
         * default with a durable log, off with the in-memory one. A standalone
         * {@code pactum recover} daemon is the other way to run them.
         */
        public Builder recovery(boolean enabled) {
            this.recovery = enabled;
            return this;
        }

        public Builder recoveryInterval(Duration interval) {
            this.recoveryInterval = interval;
            return this;
        }

        /** How long a prepared branch without a decision must be seen before recovery rolls it back. */
        public Builder orphanSafetyInterval(Duration interval) {
            this.orphanSafetyInterval = interval;
            return this;
        }

        /** Also recover the branches of this node, which will not come back (a takeover). */
        public Builder recoverNode(String nodeId) {
            recoverNodes.add(new NodeId(nodeId));
            return this;
        }

        public Builder listener(TransactionListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * The validated configuration, without starting anything. A log directory is opened only
         * by {@link #build()}, so this is for {@code logStore} and {@code inMemoryLog} settings.
         */
        public PactumConfig config() {
            if (logDirectory != null) {
                throw new IllegalStateException("a log directory is opened by build(), not by config()");
            }
            return config(log, nodeId);
        }

        /**
         * Validates the settings, opens the log and starts the transaction manager.
         *
         * @throws IllegalArgumentException when a setting is wrong; the message says what to change
         * @throws IllegalStateException when the log cannot be opened (locked, damaged, unwritable)
         */
        public PactumTransactionManager build() {
            if (logDirectory == null) {
                return new PactumTransactionManager(config());
            }
            if (log != null) {
                throw new IllegalArgumentException("both logDirectory(...) and another log are configured: keep one");
            }
            if (nodeId != null) {
                new NodeId(nodeId); // a bad id fails before the directory is touched
            }
            config(new InMemoryLog(), nodeId == null ? "check" : nodeId); // every other setting, before the lock
            FileJournal journal;
            try {
                journal = FileJournal.open(logDirectory, nodeId, logSegmentSize);
            } catch (LogException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            try {
                return new PactumTransactionManager(config(journal, nodeId));
            } catch (RuntimeException e) {
                closeQuietly(journal);
                throw e;
            }
        }

        private PactumConfig config(TransactionLog log, String id) {
            Optional<NodeId> owner = log == null ? Optional.empty() : log.owner();
            if (owner.isPresent() && id != null && !owner.get().value().equals(id)) {
                throw new IllegalArgumentException("the log belongs to node '" + owner.get() + "' but nodeId is '"
                        + id + "': configure nodeId(\"" + owner.get() + "\") or give this node its own log");
            }
            if (id == null && owner.isPresent()) {
                id = owner.get().value();
            }
            if (id == null) {
                if (log != null && log.isDurable()) {
                    throw new IllegalArgumentException("a durable log needs a stable node id: call nodeId(...)");
                }
                id = "mem-" + UUID.randomUUID().toString().substring(0, 8);
            }
            boolean recover = recovery != null ? recovery : log != null && log.isDurable();
            return new PactumConfig(new NodeId(id), log, defaultTimeout, maxTimeout, reaperInterval, commitRetries,
                    retryDelay, listeners, recover, recoveryInterval, orphanSafetyInterval, recoverNodes,
                    parallelPhases, parallelCallsSlowerThan);
        }

        private static void closeQuietly(TransactionLog log) {
            try {
                log.close();
            } catch (LogException | RuntimeException ignored) {
                // the start failed already; that failure is the one to report
            }
        }
    }
}
