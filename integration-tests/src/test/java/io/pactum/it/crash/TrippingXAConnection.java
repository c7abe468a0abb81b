package io.pactum.it.crash;

import io.pactum.jdbc.pool.ForwardingXADataSource.ForwardingXAConnection;
import java.sql.SQLException;
import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;

/** A driver's XA connection whose XAResource is a {@link TrippingXAResource}; everything else is the driver's. */
final class TrippingXAConnection extends ForwardingXAConnection {
    private final XAResource resource;

    TrippingXAConnection(Db db, XAConnection driver, Tripwire tripwire) throws SQLException {
        super(driver);
        this.resource = new TrippingXAResource(db, driver.getXAResource(), tripwire);
    }

    @Override
    public XAResource getXAResource() {
        return resource;
    }
}
