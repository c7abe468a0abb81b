package io.pactum.recovery;

import javax.transaction.xa.XAException;

/**
 * A resource manager that recovery can scan: registered under the name its branches are logged
 * with, it opens an XA connection of its own for each scan, independent of any pool the
 * application uses.
 */
public interface RecoverableResource {
    /** The resource name its branches carry in the log; unique per transaction manager. */
    String name();

    /**
     * Opens a connection for one recovery scan; the caller closes it when the scan is done.
     *
     * @throws XAException {@code XAER_RMFAIL} when the resource manager cannot be reached now
     */
    RecoveryConnection open() throws XAException;
}
