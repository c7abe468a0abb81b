package io.pactum.jdbc.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import org.junit.jupiter.api.Test;

/** Agroal creates its connection provider by class; the provider finds the parked data source by key. */
class HandoffTest {
    @Test
    void theProviderOpensConnectionsThroughTheParkedDataSourceUntilItIsRemoved() throws SQLException {
        int[] opened = {0};
        XADataSource parked = (XADataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {XADataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getXAConnection")) {
                        opened[0]++;
                    }
                    return null;
                });
        String key = Handoff.park(parked);
        HandedOverXADataSource provider = new HandedOverXADataSource();
        provider.setLoginTimeout(5); // Agroal sets this before the key
        provider.setPactumHandoffKey(key);

        XAConnection none = provider.getXAConnection();
        assertThat(none).isNull();
        assertThat(opened[0]).isEqualTo(1);
        assertThat(provider.getLoginTimeout()).isEqualTo(5);

        Handoff.remove(key);
        assertThatThrownBy(provider::getXAConnection).isInstanceOf(SQLException.class)
                .hasMessageContaining("this Pactum data source is closed")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08003"));
    }

    @Test
    void keysAreNeverShared() {
        Object a = new Object();
        String first = Handoff.park(a);
        String second = Handoff.park(a);
        try {
            assertThat(first).isNotEqualTo(second);
        } finally {
            Handoff.remove(first);
            Handoff.remove(second);
        }
    }
}
