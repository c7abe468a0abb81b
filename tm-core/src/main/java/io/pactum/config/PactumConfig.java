package io.pactum.config;

import io.pactum.event.TransactionListener;
import io.pactum.log.TransactionLog;
import io.pactum.xid.NodeId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The validated, immutable configuration of one transaction manager. Built by
 * {@code Pactum.builder()}; every check is here, with a message that says what to change.
 *
 * @param nodeId          this node's identity, written into every XID
 * @param log             where commit decisions go
 * @param defaultTimeout  the timeout of a transaction whose thread did not set one
 * @param maxTimeout      the largest timeout {@code setTransactionTimeout} accepts
 * @param reaperInterval  how often the reaper looks for expired transactions
 * @param commitRetries   how many times a phase-2 call that may succeed later is retried before
 *                        it is left to recovery
 * @param retryDelay      the pause before each such retry
 * @param listeners       who hears about transactions
 * @param recovery        whether recovery scans run in this process
 * @param recoveryInterval how often they run
 * @param orphanSafetyInterval how long a branch without a decision must have been seen before
 *                        recovery rolls it back
 * @param recoverNodes    other nodes whose branches this node recovers (taken over from nodes
 *                        that will not come back); its own node is always recovered
 * @param parallelPhases  up to how many transactions in flight phases call their branches side
 *                        by side; 0: always one after another
 * @param parallelCallsSlowerThan how long branch calls must take (as measured) before phases go
 *                        side by side
 */
public record PactumConfig(NodeId nodeId, TransactionLog log, Duration defaultTimeout, Duration maxTimeout,
        Duration reaperInterval, int commitRetries, Duration retryDelay, List<TransactionListener> listeners,
        boolean recovery, Duration recoveryInterval, Duration orphanSafetyInterval, Set<NodeId> recoverNodes,
        int parallelPhases, Duration parallelCallsSlowerThan) {

    public PactumConfig {
        Objects.requireNonNull(nodeId, "nodeId");
        if (log == null) {
            throw new IllegalArgumentException("no transaction log is configured: call logDirectory(path) for the durable "
                    + "file journal, logStore(...) for another log, or inMemoryLog() for tests and demos");
        }
        requirePositiveSeconds("defaultTimeout", defaultTimeout);
        requirePositiveSeconds("maxTimeout", maxTimeout);
        if (defaultTimeout.compareTo(maxTimeout) > 0) {
            throw new IllegalArgumentException("defaultTimeout (" + defaultTimeout + ") is longer than maxTimeout ("
                    + maxTimeout + "): raise maxTimeout or lower defaultTimeout");
        }
        if (maxTimeout.getSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxTimeout " + maxTimeout + " is too long: use at most "
                    + Integer.MAX_VALUE + " seconds");
        }
        requirePositive("reaperInterval", reaperInterval);
        if (commitRetries < 0) {
            throw new IllegalArgumentException("commitRetries is " + commitRetries + ": use 0 or more");
        }
        Objects.requireNonNull(retryDelay, "retryDelay");
        if (retryDelay.isNegative()) {
            throw new IllegalArgumentException("retryDelay is " + retryDelay + ": use zero or more");
        }
        listeners = List.copyOf(listeners);
        requirePositive("recoveryInterval", recoveryInterval);
        Objects.requireNonNull(orphanSafetyInterval, "orphanSafetyInterval");
        if (orphanSafetyInterval.isNegative()) {
            throw new IllegalArgumentException("orphanSafetyInterval is " + orphanSafetyInterval + ": use zero or more");
        }
        recoverNodes = Set.copyOf(recoverNodes);
        if (parallelPhases < 0) {
            throw new IllegalArgumentException("parallelPhases is " + parallelPhases + ": use 0 (one branch after "
                    + "another) or more");
        }
        Objects.requireNonNull(parallelCallsSlowerThan, "parallelCallsSlowerThan");
        if (parallelCallsSlowerThan.isNegative()) {
            throw new IllegalArgumentException("parallelPhases' call time is " + parallelCallsSlowerThan
                    + ": use zero (always) or more");
        }
    }

    private static void requirePositive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " is " + d + ": use a positive duration");
        }
    }

    private static void requirePositiveSeconds(String name, Duration d) {
        requirePositive(name, d);
        if (d.getNano() != 0) {
            throw new IllegalArgumentException(name + " is " + d + ": JTA counts timeouts in whole seconds");
        }
    }
}
