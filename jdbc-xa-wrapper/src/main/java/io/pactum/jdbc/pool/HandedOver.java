package io.pactum.jdbc.pool;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * What both connection providers Agroal instantiates by class share: the key under which the
 * real data source is parked in {@link Handoff}, and the settings Agroal makes before the key
 * (the parked data source keeps its own). Agroal finds the inherited setter by reflection.
 *
 * @param <T> the kind of data source parked
 */
abstract class HandedOver<T> {
    private final Class<T> kind;
    private volatile String key;
    private volatile PrintWriter logWriter;
    private volatile int loginTimeout;

    HandedOver(Class<T> kind) {
        this.kind = kind;
    }

    /** Called by Agroal with the value of {@link Handoff#KEY_PROPERTY}. */
    public void setPactumHandoffKey(String key) {
        this.key = key;
    }

    T target() throws SQLException {
        return Handoff.find(key, kind);
    }

    public PrintWriter getLogWriter() {
        return logWriter;
    }

    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    public int getLoginTimeout() {
        return loginTimeout;
    }

    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging parent logger");
    }
}
