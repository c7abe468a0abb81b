package io.pactum.recovery;

import javax.transaction.xa.XAResource;

/** One XA connection opened for recovery: {@code recover()}, then commit or roll back what it lists. */
public interface RecoveryConnection extends AutoCloseable {
    XAResource xaResource();

    /** Closes the connection; failures are the resource's to report, not the scan's. */
    @Override
    void close();
}
