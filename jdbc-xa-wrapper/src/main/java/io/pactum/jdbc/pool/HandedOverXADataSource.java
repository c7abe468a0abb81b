package io.pactum.jdbc.pool;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.XAConnection;
import javax.sql.XADataSource;

/**
 * The XA connection provider Agroal instantiates by class: it opens every connection through
 * the XA data source parked in {@link Handoff} under its key. Not for direct use.
 */
public final class HandedOverXADataSource implements XADataSource {
    private volatile String key;
    private volatile PrintWriter logWriter;
    private volatile int loginTimeout;

    public HandedOverXADataSource() {
    }

    /** Called by Agroal with the value of {@link Handoff#KEY_PROPERTY}. */
    public void setPactumHandoffKey(String key) {
        this.key = key;
    }

    private XADataSource target() throws SQLException {
        return Handoff.find(key, XADataSource.class);
    }

    @Override
    public XAConnection getXAConnection() throws SQLException {
        return target().getXAConnection();
    }

    @Override
    public XAConnection getXAConnection(String user, String password) throws SQLException {
        return target().getXAConnection(user, password);
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
}
