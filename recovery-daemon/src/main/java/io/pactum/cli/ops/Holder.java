package io.pactum.cli.ops;

import io.pactum.xid.GlobalId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who holds a node's log now: the application (or a {@code pactum recover} daemon), nobody, or
 * unknown. A transaction can only be in flight in the process holding the log, and only if that
 * process began it: its XIDs' epoch (the process's start) is not older than the lock.
 *
 * @param since when the holder took the log; transactions of an older epoch are not its own
 * @param margin how much the clocks of the epoch and of {@code since} may disagree
 */
public record Holder(State state, String description, Optional<Instant> since, Duration margin) {
    public enum State {
        /** No process holds the log: nothing of this node is in flight. */
        NONE,
        /** A process holds it. */
        RUNNING,
        /** It cannot be told (another host, no lock table): assume a process holds it. */
        UNKNOWN
    }

    public static Holder none(String description) {
        return new Holder(State.NONE, description, Optional.empty(), Duration.ZERO);
    }

    /** Whether the transaction may still be running in the holder, so that a decision may still come. */
    public boolean mayRun(GlobalId id) {
        if (state == State.NONE) {
            return false;
        }
        if (state == State.UNKNOWN || since.isEmpty()) {
            return true;
        }
        return !Instant.ofEpochMilli(id.epoch()).isBefore(since.get().minus(margin));
    }

    public boolean running() {
        return state != State.NONE;
    }
}
