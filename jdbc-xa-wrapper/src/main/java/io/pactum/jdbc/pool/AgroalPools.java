package io.pactum.jdbc.pool;

import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ConnectionValidator;
import io.agroal.api.configuration.AgroalDataSourceConfiguration;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.transaction.TransactionIntegration;
import io.pactum.jdbc.PoolSettings;
import io.pactum.jdbc.dialect.Dialect;

/** Pactum's pool settings in Agroal's terms. */
public final class AgroalPools {
    /** How long a validation query may take before the connection counts as dead. */
    private static final int VALIDATION_SECONDS = 5;

    private AgroalPools() {
    }

    /**
     * @param xa whether the parked data source ({@code handoffKey}) is an XA data source
     */
    public static AgroalDataSourceConfiguration configuration(boolean xa, String handoffKey,
            TransactionIntegration integration, Dialect dialect, PoolSettings settings) {
        return new AgroalDataSourceConfigurationSupplier()
                .metricsEnabled(false)
                .connectionPoolConfiguration(pool -> pool
                        .transactionIntegration(integration)
                        .minSize(settings.minSize())
                        .initialSize(settings.minSize())
                        .maxSize(settings.maxSize())
                        .acquisitionTimeout(settings.acquisitionTimeout())
                        .validateOnBorrow(settings.validateOnBorrow())
                        .validationTimeout(settings.validationInterval())
                        .reapTimeout(settings.idleTimeout())
                        .leakTimeout(settings.leakTimeout())
                        .maxLifetime(settings.maxLifetime())
                        .connectionValidator(ConnectionValidator.defaultValidatorWithTimeout(VALIDATION_SECONDS))
                        // a connection that lost its server is destroyed, not pooled
                        .exceptionSorter(dialect::isConnectionLost)
                        .connectionFactoryConfiguration(factory -> factory
                                .connectionProviderClass(xa ? HandedOverXADataSource.class : HandedOverDataSource.class)
                                .jdbcProperty(Handoff.KEY_PROPERTY, handoffKey)
                                .autoCommit(true)))
                .get();
    }
}
