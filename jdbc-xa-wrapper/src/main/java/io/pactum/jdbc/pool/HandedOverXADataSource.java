package io.pactum.jdbc.pool;

import java.sql.SQLException;
import javax.sql.XAConnection;
import javax.sql.XADataSource;

/**
 * The XA connection provider Agroal instantiates by class: it opens every connection through
 * the XA data source parked in {@link Handoff} under its key. Not for direct use.
 */
public final class HandedOverXADataSource extends HandedOver<XADataSource> implements XADataSource {
    public HandedOverXADataSource() {
        super(XADataSource.class);
    }

    @Override
    public XAConnection getXAConnection() throws SQLException {
        return target().getXAConnection();
    }

    @Override
    public XAConnection getXAConnection(String user, String password) throws SQLException {
        return target().getXAConnection(user, password);
    }
}
