package io.pactum.bench.workload;

import io.pactum.bench.sut.SystemUnderTest;
import java.util.List;

/**
 * What each worker thread does in a loop: one call to {@link Worker#transaction()} is one
 * transaction, timed from before begin to after commit returns.
 */
public interface Workload {
    /** The resource managers this workload's transactions enlist. */
    List<ResourceManager> resourceManagers();

    /** A worker for one thread; it may keep per-thread state (connections, resource objects). */
    Worker newWorker(SystemUnderTest.Running system) throws Exception;

    interface Worker {
        /** Runs one whole transaction: begin, work, commit. */
        void transaction() throws Exception;

        /** The calls its resources received, for the cell's log; called after the thread ended. */
        default String calls() {
            return "";
        }
    }
}
