package io.pactum.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.Pactum;
import io.pactum.tx.PactumTransactionManager;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import javax.sql.DataSource;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A data source's settings are checked at build, before anything connects; each message says what to change. */
class DataSourceConfigTest {
    private final PactumTransactionManager tm = Pactum.builder().inMemoryLog().build();

    @AfterEach
    void close() {
        tm.close();
    }

    private PactumDataSource.Builder orders() {
        return PactumDataSource.builder(tm).name("orders").url("jdbc:postgresql://db/orders").user("app")
                .password("secret");
    }

    private void assertRefused(UnaryOperator<PactumDataSource.Builder> change, String... message) {
        assertThatThrownBy(() -> change.apply(orders()).config()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll(message);
    }

    @Test
    void defaults() {
        DataSourceConfig config = orders().config();

        assertThat(config.name()).isEqualTo("orders");
        assertThat(config.source()).isEqualTo(new ConnectionSource.Url("jdbc:postgresql://db/orders", "app", "secret"));
        assertThat(config.pool()).isEqualTo(new PoolSettings(0, 20, Duration.ofSeconds(10), false,
                Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ZERO, Duration.ofMinutes(30)));
        assertThat(config.dialect()).isNull();
        assertThat(config.allowOtherLastResources()).isFalse();
    }

    @Test
    void everyPoolSettingIsKept() {
        PoolSettings pool = orders().minPoolSize(2).maxPoolSize(8).acquisitionTimeout(Duration.ofSeconds(3))
                .validateOnBorrow(true).validationInterval(Duration.ZERO).idleTimeout(Duration.ofMinutes(2))
                .leakTimeout(Duration.ofMinutes(5)).maxLifetime(Duration.ofHours(1)).config().pool();

        assertThat(pool).isEqualTo(new PoolSettings(2, 8, Duration.ofSeconds(3), true, Duration.ZERO,
                Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofHours(1)));
    }

    @Test
    void thePasswordStaysOutOfMessages() {
        assertThat(orders().config().source().toString()).doesNotContain("secret").contains("***");
    }

    @Test
    void aNameIsRequired() {
        assertRefused(b -> b.name(null), "name is missing", "name(\"orders\")");
        assertRefused(b -> b.name(" "), "name is missing");
    }

    @Test
    void aNameIsShortAndPlain() {
        assertRefused(b -> b.name("my orders"), "\"my orders\"", "1 to 64 of A-Z a-z 0-9 . _ - :");
        assertRefused(b -> b.name("x".repeat(65)), "1 to 64");
        assertThat(orders().name("orders-eu.1:primary").config().name()).isEqualTo("orders-eu.1:primary");
    }

    @Test
    void exactlyOneConnectionSource() {
        assertThatThrownBy(() -> PactumDataSource.builder(tm).name("orders").config())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no connections: call xaDataSource(...), url(...)");
        assertRefused(b -> b.xaDataSource(new NoXaDataSource()), "more than one of xaDataSource(...), url(...)",
                "keep one");
    }

    @Test
    void credentialsGoWithAUrl() {
        assertThatThrownBy(() -> PactumDataSource.builder(tm).name("orders").xaDataSource(new NoXaDataSource())
                .user("app").config())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user(...) and password(...) go with url(...)");
    }

    @Test
    void onlyPostgresqlMysqlAndMariadbUrls() {
        assertRefused(b -> b.url("jdbc:oracle:thin:@db:1521/orders"), "jdbc:oracle:thin:@db:1521/orders",
                "xaDataSource(...)");
    }

    @Test
    void poolSizes() {
        assertRefused(b -> b.maxPoolSize(0), "maxPoolSize is 0", "at least 1");
        assertRefused(b -> b.minPoolSize(-1), "minPoolSize is -1");
        assertRefused(b -> b.minPoolSize(5).maxPoolSize(2), "minPoolSize 5 is larger than maxPoolSize 2");
    }

    @Test
    void acquisitionTimeoutMustBePositive() {
        assertRefused(b -> b.acquisitionTimeout(Duration.ZERO), "acquisitionTimeout is PT0S",
                "e.g. Duration.ofSeconds(10)");
        assertRefused(b -> b.acquisitionTimeout(Duration.ofSeconds(-1)), "acquisitionTimeout is PT-1S");
    }

    @Test
    void durationsThatMayBeTurnedOffMustNotBeNegative() {
        assertRefused(b -> b.leakTimeout(Duration.ofSeconds(-1)), "leakTimeout is PT-1S",
                "Duration.ZERO to turn leak detection off");
        assertRefused(b -> b.validationInterval(Duration.ofMillis(-1)), "validationInterval",
                "background validation off");
        assertRefused(b -> b.idleTimeout(Duration.ofMinutes(-1)), "idleTimeout");
        assertRefused(b -> b.maxLifetime(Duration.ofMinutes(-1)), "maxLifetime");
    }

    @Test
    void durationsAreRequired() {
        assertThatThrownBy(() -> orders().maxLifetime(null).config()).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("maxLifetime is null");
    }

    @Test
    void allowingOtherLastResourcesIsForNonXaDataSources() {
        assertRefused(b -> b.allowOtherLastResources(true), "allowOtherLastResources(true) is for non-XA",
                "data source orders is XA");
        DataSourceConfig local = PactumDataSource.builder(tm).name("audit").dataSource(new NoDataSource())
                .allowOtherLastResources(true).config();
        assertThat(local.source().isXa()).isFalse();
        assertThat(local.allowOtherLastResources()).isTrue();
    }

    /** Stands in for a driver's data source; config() never touches it. */
    private static final class NoXaDataSource implements XADataSource {
        @Override
        public XAConnection getXAConnection() {
            throw new AssertionError("config() must not connect");
        }

        @Override
        public XAConnection getXAConnection(String user, String password) {
            throw new AssertionError("config() must not connect");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }
    }

    private static final class NoDataSource implements DataSource {
        @Override
        public Connection getConnection() {
            throw new AssertionError("config() must not connect");
        }

        @Override
        public Connection getConnection(String user, String password) {
            throw new AssertionError("config() must not connect");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
