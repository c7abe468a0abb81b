package io.pactum.it.crash;

import io.pactum.jdbc.pool.ForwardingXADataSource;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import javax.sql.XAConnection;
import javax.sql.XADataSource;

/**
 * A driver's XA data source whose connections report their XA calls to the {@link Tripwire}: the
 * way crash points get into the child without changing Pactum. Pactum sees an ordinary
 * {@link XADataSource} (given with {@code PactumDataSource.builder(tm).xaDataSource(...)}).
 */
final class TrippingXADataSource extends ForwardingXADataSource {
    private final Db db;
    private final Tripwire tripwire;
    private final Sessions sessions;

    TrippingXADataSource(Db db, Tripwire tripwire, Sessions sessions) {
        super(db.driverXaDataSource());
        this.db = db;
        this.tripwire = tripwire;
        this.sessions = sessions;
    }

    @Override
    protected XAConnection wrap(XAConnection xa) throws SQLException {
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
}
