package io.pactum.jdbc.pool;

import io.pactum.jdbc.JdbcMessage;
import io.pactum.jdbc.dialect.Dialect;
import io.pactum.recovery.RecoverableResource;
import java.sql.SQLException;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;

/**
 * How recovery reaches one data source: a fresh XA connection per scan, straight from its XA
 * data source and never from the pool, with the data source's name and dialect.
 */
public final class XaDataSourceRecovery implements RecoverableResource {
    private final String name;
    private final XADataSource xaDataSource;
    private final Dialect dialect;

    public XaDataSourceRecovery(String name, XADataSource xaDataSource, Dialect dialect) {
        this.name = name;
        this.xaDataSource = xaDataSource;
        this.dialect = dialect;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Session open() throws XAException {
        XAConnection connection;
        try {
            connection = xaDataSource.getXAConnection();
        } catch (SQLException e) {
            throw unreachable(e);
        }
        try {
            return new RecoverySession(connection, new DriverXAResource(connection.getXAResource(), name, dialect));
        } catch (SQLException e) {
            close(connection);
            throw unreachable(e);
        }
    }

    private XAException unreachable(SQLException cause) {
        XAException e = new XAException("cannot open a recovery connection to data source " + name + ": "
                + cause.getMessage());
        e.errorCode = XAException.XAER_RMFAIL;
        e.initCause(cause);
        return e;
    }

    private void close(XAConnection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            JdbcMessage.RECOVERY_CLOSE_FAILED.log(e, name);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    private final class RecoverySession implements Session {
        private final XAConnection connection;
        private final XAResource resource;

        RecoverySession(XAConnection connection, XAResource resource) {
            this.connection = connection;
            this.resource = resource;
        }

        @Override
        public XAResource xaResource() {
            return resource;
        }

        @Override
        public void close() {
            XaDataSourceRecovery.this.close(connection);
        }
    }
}
