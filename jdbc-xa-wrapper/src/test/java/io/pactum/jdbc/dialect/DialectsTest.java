package io.pactum.jdbc.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DialectsTest {
    @Test
    void urlsPactumCanMakeXaDataSourcesFor() {
        assertThat(Dialects.forUrl("jdbc:postgresql://db:5432/orders")).isInstanceOf(PostgresDialect.class);
        assertThat(Dialects.forUrl("jdbc:mysql://db:3306/payments")).isInstanceOf(MySqlDialect.class);
        assertThat(Dialects.forUrl("jdbc:mariadb://db:3306/payments")).isInstanceOf(MySqlDialect.class);
    }

    @Test
    void anotherUrlIsRefusedWithTheWayOut() {
        assertThatThrownBy(() -> Dialects.forUrl("jdbc:h2:mem:orders"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:h2:mem:orders")
                .hasMessageContaining("xaDataSource(...)");
    }

    @Test
    void serversByProductName() {
        assertThat(Dialects.forProduct("PostgreSQL")).isInstanceOf(PostgresDialect.class);
        assertThat(Dialects.forProduct("MySQL")).isInstanceOf(MySqlDialect.class);
        assertThat(Dialects.forProduct("MariaDB")).isInstanceOf(MySqlDialect.class);
    }

    /** H2, Derby and the like: no checks, connection loss by SQLSTATE class 08, never joined. */
    @Test
    void anyOtherServerGetsTheGenericDialect() throws SQLException {
        Dialect h2 = Dialects.forProduct("H2");

        assertThat(h2).isInstanceOf(GenericDialect.class);
        assertThat(h2.name()).isEqualTo("H2");
        assertThat(h2.joinAllowed()).isFalse();
        assertThat(h2.serverProblem(null)).isEmpty();
        assertThat(h2.isConnectionLost(new SQLException("gone", "08006"))).isTrue();
        assertThat(h2.isConnectionLost(new SQLException("dup", "23505"))).isFalse();
        assertThatThrownBy(() -> h2.xaDataSource("jdbc:h2:mem:x", null, null))
                .hasMessageContaining("give its javax.sql.XADataSource with xaDataSource(...)");
    }
}
