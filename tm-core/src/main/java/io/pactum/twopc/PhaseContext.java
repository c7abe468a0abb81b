package io.pactum.twopc;

import io.pactum.event.Listeners;
import io.pactum.log.TransactionLog;
import java.time.Clock;
import java.time.Duration;

/**
 * What the phase helpers need from the transaction manager.
 *
 * @param retries how many more times a phase-2 call that asked to be retried is tried before
 *                the branch is left to recovery
 * @param retryDelay the pause before each retry
 * @param fanout how a phase's calls reach several branches: side by side or one after another
 */
public record PhaseContext(TransactionLog log, Listeners listeners, int retries, Duration retryDelay, Clock clock,
        Fanout fanout) {

    /** A context whose phases call their branches one after another. */
    public PhaseContext(TransactionLog log, Listeners listeners, int retries, Duration retryDelay, Clock clock) {
        this(log, listeners, retries, retryDelay, clock, Fanout.sequential());
    }
}
