package io.pactum;

import io.pactum.config.PactumConfig;
import io.pactum.event.TransactionListener;
import io.pactum.log.InMemoryLog;
import io.pactum.log.TransactionLog;
import io.pactum.tx.PactumTransactionManager;
import io.pactum.xid.NodeId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a Pactum transaction manager starts:
 * <pre>{@code
 * PactumTransactionManager tm = Pactum.builder()
 *     .logStore(log)
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
        private Duration defaultTimeout = Duration.ofSeconds(60);
        private Duration maxTimeout = Duration.ofHours(1);
        private Duration reaperInterval = Duration.ofMillis(100);
        private int commitRetries = 3;
        private Duration retryDelay = Duration.ofMillis(100);
        private final List<TransactionListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** This node's id (1 to 32 of A-Z a-z 0-9 . _ -); with an in-memory log, a random one by default. */
        public Builder nodeId(String nodeId) {
            this.nodeId = nodeId;
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

        public Builder listener(TransactionListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** The validated configuration, without starting anything. */
        public PactumConfig config() {
            String id = nodeId;
            if (id == null) {
                if (log != null && log.isDurable()) {
                    throw new IllegalArgumentException("a durable log needs a stable node id: call nodeId(...)");
                }
                id = "mem-" + UUID.randomUUID().toString().substring(0, 8);
            }
            return new PactumConfig(new NodeId(id), log, defaultTimeout, maxTimeout, reaperInterval, commitRetries,
                    retryDelay, listeners);
        }

        public PactumTransactionManager build() {
            return new PactumTransactionManager(config());
        }
    }
}
