package io.pactum.cli.demo;

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
 * A driver's XA data source whose connections' XA resources narrate their calls
 * ({@link NarratingXAResource}). Pactum's data source pools these connections like any others.
 */
final class NarratingXADataSource implements XADataSource {
    private final XADataSource driver;
    private final String name;
    private final Narrator narrator;
    private final CrashPoint crash;

    NarratingXADataSource(XADataSource driver, String name, Narrator narrator, CrashPoint crash) {
        this.driver = driver;
        this.name = name;
        this.narrator = narrator;
        this.crash = crash;
    }

    @Override
    public XAConnection getXAConnection() throws SQLException {
        return new Narrating(driver.getXAConnection());
    }

    @Override
    public XAConnection getXAConnection(String user, String password) throws SQLException {
        return new Narrating(driver.getXAConnection(user, password));
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

    /** One physical connection; only its XA resource is changed. */
    private final class Narrating implements XAConnection {
        private final XAConnection physical;
        private XAResource resource;

        Narrating(XAConnection physical) {
            this.physical = physical;
        }

        @Override
        public synchronized XAResource getXAResource() throws SQLException {
            if (resource == null) {
                resource = new NarratingXAResource(physical.getXAResource(), name, narrator, crash);
            }
            return resource;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return physical.getConnection();
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
