package io.pactum.jdbc.pool;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The non-XA connection provider Agroal instantiates by class: it opens every connection
 * through the data source parked in {@link Handoff} under its key. Not for direct use.
 */
public final class HandedOverDataSource implements DataSource {
    private volatile String key;
    private volatile PrintWriter logWriter;
    private volatile int loginTimeout;

    public HandedOverDataSource() {
    }

    /** Called by Agroal with the value of {@link Handoff#KEY_PROPERTY}. */
    public void setPactumHandoffKey(String key) {
        this.key = key;
    }

    private DataSource target() throws SQLException {
        return Handoff.find(key, DataSource.class);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target().getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return target().getConnection(user, password);
    }

    // Agroal sets these before the key; the parked data source keeps its own settings.
    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return target().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target().isWrapperFor(iface);
    }
}
