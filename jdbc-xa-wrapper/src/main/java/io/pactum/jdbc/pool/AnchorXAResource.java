package io.pactum.jdbc.pool;

import io.agroal.api.transaction.TransactionAware;
import io.pactum.jdbc.dialect.Dialect;
import io.pactum.xa.AnchorBranch;
import io.pactum.xid.GlobalId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;

/** The branch of a data source that holds decisions: it writes its transaction's decision row into its own work. */
final class AnchorXAResource extends PooledXAResource implements AnchorBranch {
    private final DecisionTable table;

    AnchorXAResource(XAResource driver, TransactionAware connection, String name, Dialect dialect,
            DecisionTable table) {
        super(driver, connection, name, dialect);
        this.table = table;
    }

    @Override
    public void recordDecision(GlobalId id, Collection<String> resources) throws XAException {
        try {
            table.record((Connection) connection().getConnection(), id, resources);
        } catch (SQLException | RuntimeException e) {
            XAException failure = new XAException("data source " + resourceName() + " could not write the commit "
                    + "decision of " + id + " into " + table.table() + ": " + e.getMessage());
            failure.errorCode = XAException.XAER_RMERR;
            failure.initCause(e);
            failed(failure);
            throw failure;
        }
    }
}
