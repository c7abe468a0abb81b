package io.pactum.jdbc.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MySqlDialectTest {
    private final MySqlDialect dialect = new MySqlDialect();

    @ParameterizedTest(name = "SQLSTATE {0}")
    @ValueSource(strings = {"08S01", "08003", "08001"})
    void connectionExceptionStatesMeanTheConnectionIsLost(String state) {
        assertThat(dialect.isConnectionLost(new SQLException("gone", state, 0))).isTrue();
    }

    /** 1053 server shutdown, 1927 connection killed (MariaDB), 2006 gone away, 2013 lost, 4031 idle timeout. */
    @ParameterizedTest(name = "error {0}")
    @ValueSource(ints = {1053, 1927, 2006, 2013, 4031})
    void theseErrorsMeanTheConnectionIsLost(int code) {
        assertThat(dialect.isConnectionLost(new SQLException("gone", "HY000", code))).isTrue();
    }

    /** 1062 duplicate key, 1213 deadlock, 1205 lock wait timeout, 1317 query interrupted (KILL QUERY). */
    @ParameterizedTest(name = "error {0}")
    @ValueSource(ints = {1062, 1213, 1205, 1317})
    void theseErrorsLeaveTheConnectionUsable(int code) {
        assertThat(dialect.isConnectionLost(new SQLException("failed", "40001", code))).isFalse();
    }

    /** MariaDB Connector/J throws code 0 for XA errors it does not map. */
    @Test
    void errorCodeZeroIsRmFail() {
        XAException zero = new XAException("unmapped");

        XAException translated = dialect.translate(zero);

        assertThat(zero.errorCode).isZero();
        assertThat(translated.errorCode).isEqualTo(XAException.XAER_RMFAIL);
        assertThat(translated.getCause()).isSameAs(zero);
    }

    @Test
    void aKilledConnectionBehindAnXaErrorIsRmFail() {
        XAException e = new XAException(XAException.XAER_RMERR);
        e.initCause(new SQLException("Connection was killed", "70100", 1927));

        assertThat(dialect.translate(e).errorCode).isEqualTo(XAException.XAER_RMFAIL);
    }

    /** isSameRM is true for any two connections to one server, yet a branch cannot be joined. */
    @Test
    void branchesAreNeverJoined() {
        assertThat(dialect.joinAllowed()).isFalse();
    }

    @Test
    void mySql8WithoutXaRecoverAdminIsToldTheGrant() {
        SQLException denied = new SQLException("Access denied; you need (at least one of) the XA_RECOVER_ADMIN "
                + "privilege(s) for this operation", "42000", MySqlDialect.ACCESS_DENIED);

        String problem = MySqlDialect.recoverRefused(denied, false, "app@10.0.0.7");

        assertThat(problem).startsWith("MySQL refused XA RECOVER")
                .contains("GRANT XA_RECOVER_ADMIN ON *.* TO 'app'@'10.0.0.7'");
    }

    @Test
    void mariaDbRefusingXaRecoverIsToldToCheckPrivileges() {
        SQLException denied = new SQLException("Access denied", "42000", 1227);

        String problem = MySqlDialect.recoverRefused(denied, true, "app@localhost");

        assertThat(problem).startsWith("MariaDB refused XA RECOVER")
                .contains("give the user app@localhost the privileges to run XA RECOVER")
                .doesNotContain("XA_RECOVER_ADMIN");
    }

    @Test
    void aMissingDriverIsNamedWithItsArtifact() {
        assertThatThrownBy(() -> dialect.xaDataSource("jdbc:mysql://db/payments", "app", "secret"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("com.mysql.cj.jdbc.MysqlXADataSource")
                .hasMessageContaining("add com.mysql:mysql-connector-j");
        assertThatThrownBy(() -> dialect.xaDataSource("jdbc:mariadb://db/payments", "app", "secret"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("org.mariadb.jdbc.MariaDbDataSource")
                .hasMessageContaining("add org.mariadb.jdbc:mariadb-java-client");
    }
}
