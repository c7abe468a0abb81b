package io.pactum.it.crash;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.XAConnection;
import javax.sql.XADataSource;

/**
 * A driver's XA data source whose connections report their XA calls to the {@link Tripwire}: the
 * way crash points get into the child without changing Pactum. Pactum sees an ordinary
 * {@link XADataSource} (given with {@code PactumDataSource.builder(tm).xaDataSource(...)}).
 */
final class TrippingXADataSource implements XADataSource {
    private final Db db;
    private final XADataSource driver;
    private final Tripwire tripwire;
    private final Sessions sessions;

    TrippingXADataSource(Db db, Tripwire tripwire, Sessions sessions) {
        this.db = db;
        this.driver = db.driverXaDataSource();
        this.tripwire = tripwire;
        this.sessions = sessions;
    }

    @Override
    public XAConnection getXAConnection() throws SQLException {
        XAConnection xa = driver.getXAConnection();
        try {
            sessions.remember(db, xa);
        } catch (SQLException e) {
            xa.close();
            throw e;
        }
        return new TrippingXAConnection(db, xa, tripwire);
    }

    @Override
    public XAConnection getXAConnection(String user, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the crash tests' data sources carry their own credentials");
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
}
