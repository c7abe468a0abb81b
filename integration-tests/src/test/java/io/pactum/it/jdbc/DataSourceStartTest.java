package io.pactum.it.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mysql.cj.jdbc.MysqlXADataSource;
import io.pactum.Pactum;
import io.pactum.it.Databases;
import io.pactum.jdbc.PactumDataSource;
import io.pactum.recovery.ScanReport;
import io.pactum.tx.PactumTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.xa.PGXADataSource;

/**
 * What a data source checks and sets up when it is built on the real servers: it connects, knows
 * its database, and registers for recovery under its name, once per name.
 */
class DataSourceStartTest {
    private final PactumTransactionManager tm = Pactum.builder().inMemoryLog().build();

    @AfterEach
    void close() {
        tm.close();
    }

    private PactumDataSource.Builder postgres(String name) {
        return PactumDataSource.builder(tm).name(name).url(Databases.PG_URL).user(Databases.PG_USER)
                .password(Databases.PG_PASSWORD);
    }

    @Test
    void findsTheDialectOfAnyDriversXaDataSource() {
        PGXADataSource pg = new PGXADataSource();
        pg.setUrl(Databases.PG_URL);
        pg.setUser(Databases.PG_USER);
        pg.setPassword(Databases.PG_PASSWORD);
        MysqlXADataSource my = new MysqlXADataSource();
        my.setUrl(Databases.MYSQL_URL);
        my.setUser(Databases.MYSQL_USER);
        my.setPassword(Databases.MYSQL_PASSWORD);
        try (PactumDataSource orders = PactumDataSource.builder(tm).name("orders").xaDataSource(pg).build();
             PactumDataSource payments = PactumDataSource.builder(tm).name("payments").xaDataSource(my).build()) {
            assertThat(orders.dialect().name()).isEqualTo("PostgreSQL");
            assertThat(payments.dialect().name()).isEqualTo("MySQL");
            assertThat(orders.isXa()).isTrue();
        }
    }

    @Test
    void registersForRecoveryUnderItsNameAndRecoveryCanScanIt() {
        try (PactumDataSource orders = postgres("orders").build()) {
            assertThat(orders.isRegisteredForRecovery()).isTrue();

            ScanReport scan = tm.recoverNow();

            assertThat(scan.failedResources()).isZero();
        }
    }

    @Test
    void aSecondDataSourceWithTheSameNameIsRefused() {
        try (PactumDataSource orders = postgres("orders").build()) {
            assertThatThrownBy(() -> postgres("orders").build()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("orders")
                    .hasMessageContaining("give every data source its own name");
            assertThat(orders.isRegisteredForRecovery()).isTrue();
        }
    }

    @Test
    void closingLeavesTheRegistryFreeForTheName() {
        postgres("orders").build().close();

        try (PactumDataSource again = postgres("orders").build()) {
            assertThat(again.isRegisteredForRecovery()).isTrue();
        }
    }

    @Test
    void aNonXaDataSourceHasNothingToRecover() {
        try (PactumDataSource audit = PactumDataSource.builder(tm).name("audit").dataSource(Databases.postgres())
                .build()) {
            assertThat(audit.isXa()).isFalse();
            assertThat(audit.recoverable()).isEmpty();
            assertThat(audit.isRegisteredForRecovery()).isFalse();
        }
    }

    @Test
    void anUnreachableServerFailsTheBuildSayingWhatToCheck() {
        assertThatThrownBy(() -> PactumDataSource.builder(tm).name("orders")
                .url("jdbc:postgresql://127.0.0.1:1/pactum_it").user("pactum").password("pactum").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("data source orders cannot connect to jdbc:postgresql://127.0.0.1:1/pactum_it")
                .hasMessageContaining("check that the database runs");
    }

    @Test
    void aWrongPasswordFailsTheBuild() {
        assertThatThrownBy(() -> PactumDataSource.builder(tm).name("payments").url(Databases.MYSQL_URL)
                .user(Databases.MYSQL_USER).password("not-the-password").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("data source payments cannot connect");
    }
}
