package io.pactum.jdbc.pool;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The non-XA connection provider Agroal instantiates by class: it opens every connection
 * through the data source parked in {@link Handoff} under its key. Not for direct use.
 */
public final class HandedOverDataSource extends HandedOver<DataSource> implements DataSource {
    public HandedOverDataSource() {
        super(DataSource.class);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target().getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return target().getConnection(user, password);
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
