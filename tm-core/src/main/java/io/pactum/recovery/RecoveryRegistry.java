package io.pactum.recovery;

import java.util.List;
import java.util.Optional;

/**
 * The resources recovery scans, by name. Data sources register themselves when they start and
 * unregister when they close.
 */
public interface RecoveryRegistry {
    /**
     * Adds a resource; closing the returned registration removes it again.
     *
     * @throws IllegalArgumentException when another resource is registered under the same name
     */
    Registration registerRecoverable(RecoverableResource resource);

    /** Every registered resource, in the order they were registered. */
    List<RecoverableResource> recoverables();

    /** The resource registered under this name, if any. */
    Optional<RecoverableResource> recoverable(String name);

    /** A resource's place in the registry; {@link #close()} gives it up. Closing twice is harmless. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
