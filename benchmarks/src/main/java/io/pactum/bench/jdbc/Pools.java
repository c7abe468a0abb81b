package io.pactum.bench.jdbc;

import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;
import com.mysql.cj.jdbc.MysqlXADataSource;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.agroal.narayana.NarayanaTransactionIntegration;
import io.pactum.jdbc.PactumDataSource;
import io.pactum.tx.PactumTransactionManager;
import jakarta.transaction.TransactionManager;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import javax.sql.XADataSource;
import org.postgresql.xa.PGXADataSource;

/**
 * The two pooled, self-enlisting data sources of one transaction manager, each built the way
 * its users build it: Pactum's {@link PactumDataSource}, or Agroal with Narayana's
 * {@link NarayanaTransactionIntegration}. Both pools are Agroal's, with the same size.
 */
record Pools(DataSource pg, DataSource my) {
    /** Enough for every thread count the benchmark runs; connections open on demand during the warm-up. */
    static final int MAX_SIZE = 64;

    /** @param decisionTable for Pactum: the table PostgreSQL's data source holds decisions in; null: none */
    static Pools forTransactionManager(TransactionManager tm, String decisionTable) throws SQLException {
        if (tm instanceof PactumTransactionManager pactum) {
            return new Pools(pactum(pactum, "bench-pg", BenchDatabases.PG_URL, BenchDatabases.PG_USER,
                    BenchDatabases.PG_PASSWORD, decisionTable), pactum(pactum, "bench-my", BenchDatabases.MYSQL_URL,
                    BenchDatabases.MYSQL_USER, BenchDatabases.MYSQL_PASSWORD, null));
        }
        if (tm.getClass().getName().startsWith("com.arjuna.")) {
            return new Pools(narayana(tm, PGXADataSource.class, BenchDatabases.PG_URL, BenchDatabases.PG_USER,
                    BenchDatabases.PG_PASSWORD), narayana(tm, MysqlXADataSource.class, BenchDatabases.MYSQL_URL,
                    BenchDatabases.MYSQL_USER, BenchDatabases.MYSQL_PASSWORD));
        }
        throw new IllegalArgumentException("the transfer variant knows the data sources of Pactum and Narayana (and "
                + "the xa-floor system), not of " + tm.getClass().getName());
    }

    private static DataSource pactum(PactumTransactionManager tm, String name, String url, String user,
            String password, String decisionTable) {
        return PactumDataSource.builder(tm).name(name).url(url).user(user).password(password)
                .maxPoolSize(MAX_SIZE).decisionTable(decisionTable).build();
    }

    private static DataSource narayana(TransactionManager tm, Class<? extends XADataSource> driver, String url,
            String user, String password) throws SQLException {
        NarayanaTransactionIntegration integration = new NarayanaTransactionIntegration(tm,
                new TransactionSynchronizationRegistryImple());
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .metricsEnabled(false)
                .connectionPoolConfiguration(pool -> pool
                        .transactionIntegration(integration)
                        .maxSize(MAX_SIZE)
                        .acquisitionTimeout(Duration.ofSeconds(10))
                        .connectionFactoryConfiguration(factory -> factory
                                .connectionProviderClass(driver)
                                .jdbcUrl(url)
                                .principal(new NamePrincipal(user))
                                .credential(new SimplePassword(password))
                                .autoCommit(true))));
    }
}
