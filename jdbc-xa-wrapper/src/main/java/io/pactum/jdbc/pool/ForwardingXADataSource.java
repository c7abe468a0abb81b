package io.pactum.jdbc.pool;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.ConnectionEventListener;
import javax.sql.StatementEventListener;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAResource;

/**
 * A driver's XA data source whose XA connections a subclass wraps ({@link #wrap}); everything
 * else passes on. Not for direct use.
 */
public abstract class ForwardingXADataSource implements XADataSource {
    private final XADataSource driver;

    protected ForwardingXADataSource(XADataSource driver) {
        this.driver = driver;
    }

    /** The connection the pool gets for one the driver opened. */
    protected abstract XAConnection wrap(XAConnection physical) throws SQLException;

    @Override
    public XAConnection getXAConnection() throws SQLException {
        return wrap(driver.getXAConnection());
    }

    @Override
    public XAConnection getXAConnection(String user, String password) throws SQLException {
        return wrap(driver.getXAConnection(user, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return driver.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        driver.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        driver.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return driver.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return driver.getParentLogger();
    }

    /** An XA connection that passes every call on; subclasses override the calls they change. */
    public abstract static class ForwardingXAConnection implements XAConnection {
        protected final XAConnection physical;

        protected ForwardingXAConnection(XAConnection physical) {
            this.physical = physical;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return physical.getConnection();
        }

        @Override
        public XAResource getXAResource() throws SQLException {
            return physical.getXAResource();
        }

        @Override
        public void close() throws SQLException {
            physical.close();
        }

        @Override
        public void addConnectionEventListener(ConnectionEventListener listener) {
            physical.addConnectionEventListener(listener);
        }

        @Override
        public void removeConnectionEventListener(ConnectionEventListener listener) {
            physical.removeConnectionEventListener(listener);
        }

        @Override
        public void addStatementEventListener(StatementEventListener listener) {
            physical.addStatementEventListener(listener);
        }

        @Override
        public void removeStatementEventListener(StatementEventListener listener) {
            physical.removeStatementEventListener(listener);
        }
    }
}
