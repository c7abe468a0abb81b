package io.pactum.it.crash;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.ConnectionEventListener;
import javax.sql.StatementEventListener;
import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;

/** A driver's XA connection whose XAResource is a {@link TrippingXAResource}; everything else is the driver's. */
final class TrippingXAConnection implements XAConnection {
    private final XAConnection driver;
    private final XAResource resource;

    TrippingXAConnection(Db db, XAConnection driver, Tripwire tripwire) throws java.sql.SQLException {
        this.driver = driver;
        this.resource = new TrippingXAResource(db, driver.getXAResource(), tripwire);
    }

    @Override
    public XAResource getXAResource() {
        return resource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return driver.getConnection();
    }

    @Override
    public void close() throws SQLException {
        driver.close();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        driver.addConnectionEventListener(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        driver.removeConnectionEventListener(listener);
    }

    @Override
    public void addStatementEventListener(StatementEventListener listener) {
        driver.addStatementEventListener(listener);
    }

    @Override
    public void removeStatementEventListener(StatementEventListener listener) {
        driver.removeStatementEventListener(listener);
    }
}
