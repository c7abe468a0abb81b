package io.pactum.tx;

import io.pactum.config.PactumConfig;
import io.pactum.event.Listeners;
import io.pactum.log.TransactionLog;
import io.pactum.recovery.DecisionAnchor;
import io.pactum.twopc.Committer;
import io.pactum.twopc.Fanout;
import io.pactum.twopc.PhaseContext;
import io.pactum.twopc.Preparer;
import io.pactum.twopc.Rollbacker;
import io.pactum.xid.GlobalId;
import io.pactum.xid.NodeId;
import io.pactum.xid.XidFactory;
import java.time.Clock;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/** The services every transaction of one transaction manager shares. */
final class TransactionRuntime {
    final PactumConfig config;
    final TransactionLog log;
    final Listeners listeners;
    final XidFactory xids;
    final Clock clock = Clock.systemUTC();
    final Preparer preparer;
    final Committer committer;
    final Rollbacker rollbacker;
    /** Side-by-side phases; closed with the transaction manager. */
    final Fanout fanout;
    /** Recovery retries across scans, with back-off, rather than within one call. */
    final PhaseContext recoveryContext;
    /** The resource that may hold commit decisions instead of the log, or null. */
    volatile Anchor anchor;

    /** An anchor with its {@link GlobalId#anchorId}, worked out once rather than at every commit. */
    record Anchor(DecisionAnchor resource, long id) {
        Anchor(DecisionAnchor resource) {
            this(resource, GlobalId.anchorId(resource.name()));
        }
    }
    private final ConcurrentHashMap<GlobalId, PactumTransaction> inFlight = new ConcurrentHashMap<>();

    TransactionRuntime(PactumConfig config) {
        this.config = config;
        this.log = config.log();
        this.listeners = new Listeners(config.listeners());
        this.xids = new XidFactory(config.nodeId());
        this.fanout = Fanout.upTo(config.parallelPhases(), config.parallelCallsSlowerThan(), inFlight::size);
        PhaseContext ctx = new PhaseContext(log, listeners, config.commitRetries(), config.retryDelay(), clock,
                fanout);
        this.recoveryContext = new PhaseContext(log, listeners, 0, java.time.Duration.ZERO, clock);
        this.preparer = new Preparer(ctx);
        this.committer = new Committer(ctx);
        this.rollbacker = new Rollbacker(ctx);
    }

    NodeId nodeId() {
        return config.nodeId();
    }

    void register(PactumTransaction tx) {
        inFlight.put(tx.globalId(), tx);
    }

    void unregister(PactumTransaction tx) {
        inFlight.remove(tx.globalId());
    }

    boolean isInFlight(GlobalId id) {
        return inFlight.containsKey(id);
    }

    Collection<PactumTransaction> inFlight() {
        return inFlight.values();
    }

    int inFlightCount() {
        return inFlight.size();
    }
}
