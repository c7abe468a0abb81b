package io.pactum.jdbc;

import io.agroal.pool.DataSource;
import io.pactum.jdbc.dialect.Dialect;
import io.pactum.jdbc.dialect.Dialects;
import io.pactum.jdbc.pool.AgroalPools;
import io.pactum.jdbc.pool.DecisionTable;
import io.pactum.jdbc.pool.BranchScopedAutoCommit;
import io.pactum.jdbc.pool.Handoff;
import io.pactum.jdbc.pool.PactumTransactionIntegration;
import io.pactum.jdbc.pool.PoolEvents;
import io.pactum.jdbc.pool.XaDataSourceRecovery;
import io.pactum.recovery.RecoverableResource;
import io.pactum.tx.PactumTransactionManager;
import javax.sql.XADataSource;

/**
 * Starts a data source from its checked configuration: server check, pool, and (through the
 * pool's start) registration for recovery with the transaction manager.
 */
final class Starter {
    private Starter() {
    }

    static PactumDataSource start(PactumTransactionManager tm, DataSourceConfig config) {
        if (config.source() instanceof ConnectionSource.Local local) {
            Dialect dialect = ServerProbe.checkLocal(config.name(), local.dataSource(), config.dialect(),
                    "its data source " + local.dataSource().getClass().getName());
            return start(tm, config, local.dataSource(), dialect, null);
        }
        Dialect configured = config.dialect();
        XADataSource xa;
        String where;
        if (config.source() instanceof ConnectionSource.Url u) {
            configured = configured != null ? configured : Dialects.forUrl(u.url());
            xa = configured.xaDataSource(u.url(), u.user(), u.password());
            where = u.url();
        } else {
            xa = ((ConnectionSource.Xa) config.source()).dataSource();
            where = "its XA data source " + xa.getClass().getName();
        }
        Dialect dialect = ServerProbe.checkXa(config.name(), xa, configured, where);
        XADataSource pooled = dialect.branchIgnoresAutoCommit() ? BranchScopedAutoCommit.around(xa) : xa;
        RecoverableResource recovery;
        if (config.decisionTable() != null) {
            ServerProbe.createDecisionTable(config.name(), xa, dialect, config.decisionTable(), where);
            recovery = new DecisionTable(config.name(), xa, dialect, config.decisionTable(), DECISION_LOCK_TIMEOUT);
        } else {
            recovery = new XaDataSourceRecovery(config.name(), xa, dialect);
        }
        PactumDataSource started = start(tm, config, pooled, dialect, recovery);
        if (config.decisionTable() != null) {
            JdbcMessage.DECISION_TABLE_READY.log(config.name(), config.decisionTable());
        }
        return started;
    }

    /** How long a question to a decision table waits for the transaction's own branch to end. */
    private static final java.time.Duration DECISION_LOCK_TIMEOUT = java.time.Duration.ofSeconds(5);

    /**
     * @param physical the driver's data source the pool opens connections through
     * @param recovery null for a non-XA data source
     */
    private static PactumDataSource start(PactumTransactionManager tm, DataSourceConfig config, Object physical,
            Dialect dialect, RecoverableResource recovery) {
        String name = config.name();
        String key = Handoff.park(physical);
        try {
            PactumTransactionIntegration integration = new PactumTransactionIntegration(tm, name, dialect, recovery,
                    config.allowOtherLastResources());
            DataSource pool = new DataSource(AgroalPools.configuration(recovery != null, key, integration, dialect,
                    config.pool()), new PoolEvents(name, config.pool().leakTimeout()));
            try {
                integration.checkRegistered();
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
            JdbcMessage.STARTED.log(name, dialect, config.pool().minSize(), config.pool().maxSize());
            return new PactumDataSource(name, dialect, recovery != null, recovery, integration, pool, key);
        } catch (RuntimeException e) {
            Handoff.remove(key);
            if (recovery instanceof DecisionTable t) {
                t.close();
            }
            throw e;
        }
    }
}
