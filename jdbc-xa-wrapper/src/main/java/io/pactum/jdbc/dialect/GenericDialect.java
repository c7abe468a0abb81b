package io.pactum.jdbc.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.XADataSource;

/**
 * Any other XA-capable database (H2, Derby, ...), given as an {@link XADataSource}: no server
 * checks, lost connections known only by SQLSTATE class 08, and no joining across connections,
 * which is always safe.
 */
public final class GenericDialect implements Dialect {
    private final String product;

    public GenericDialect(String product) {
        this.product = product;
    }

    @Override
    public String name() {
        return product;
    }

    @Override
    public XADataSource xaDataSource(String url, String user, String password) {
        throw new IllegalArgumentException("Pactum cannot make an XA data source for " + product + " from a URL: "
                + "give its javax.sql.XADataSource with xaDataSource(...)");
    }

    @Override
    public Optional<String> serverProblem(Connection connection) {
        return Optional.empty();
    }

    @Override
    public boolean isConnectionLost(SQLException failure) {
        return SqlStates.isConnectionException(failure.getSQLState());
    }

    @Override
    public boolean joinAllowed() {
        return false;
    }

    @Override
    public String toString() {
        return name();
    }
}
