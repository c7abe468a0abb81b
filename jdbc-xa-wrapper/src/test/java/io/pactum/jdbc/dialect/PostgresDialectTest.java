package io.pactum.jdbc.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresDialectTest {
    private final PostgresDialect dialect = new PostgresDialect();

    private static XAException xa(int code, Throwable cause) {
        XAException e = new XAException("driver says " + code);
        e.errorCode = code;
        e.initCause(cause);
        return e;
    }

    @ParameterizedTest(name = "SQLSTATE {0}")
    @ValueSource(strings = {"08000", "08001", "08003", "08006", "08P01", "57P01", "57P02", "57P03"})
    void theseStatesMeanTheConnectionIsLost(String state) {
        assertThat(dialect.isConnectionLost(new SQLException("gone", state))).isTrue();
    }

    @ParameterizedTest(name = "SQLSTATE {0}")
    @ValueSource(strings = {"23505", "40001", "40P01", "42P01", "57014", "0A000", "25P02"})
    void theseStatesLeaveTheConnectionUsable(String state) {
        assertThat(dialect.isConnectionLost(new SQLException("failed", state))).isFalse();
    }

    @Test
    void anUnknownPreparedTransactionIsXaerNotaNotAnErrorToRetry() {
        XAException driver = xa(XAException.XAER_RMERR,
                new SQLException("prepared transaction with identifier \"x\" does not exist", "42704"));
        assertThat(dialect.translate(driver).errorCode).isEqualTo(XAException.XAER_NOTA);
        assertThat(dialect.translate(xa(XAException.XAER_RMERR, new SQLException("other", "XX000"))).errorCode)
                .isEqualTo(XAException.XAER_RMERR);
    }

    @Test
    void aStatementWithoutStateIsNoLostConnection() {
        assertThat(dialect.isConnectionLost(new SQLException("no state"))).isFalse();
    }

    /** pgjdbc reports a terminated backend at COMMIT PREPARED as XAER_RMERR. */
    @Test
    void aLostConnectionBehindAnyXaErrorIsRmFail() {
        XAException rmerr = xa(XAException.XAER_RMERR, new SQLException("terminating connection", "57P01"));

        XAException translated = dialect.translate(rmerr);

        assertThat(translated.errorCode).isEqualTo(XAException.XAER_RMFAIL);
        assertThat(translated.getCause()).isSameAs(rmerr);
        assertThat(translated.getMessage()).contains("PostgreSQL").contains("losing its connection");
    }

    @Test
    void anUnknownBranchOnALostConnectionIsRmFailToo() {
        XAException nota = xa(XAException.XAER_NOTA, new SQLException("I/O error", "08006"));

        assertThat(dialect.translate(nota).errorCode).isEqualTo(XAException.XAER_RMFAIL);
    }

    @Test
    void aRollbackOrHeuristicVerdictStandsEvenOnALostConnection() {
        XAException rolledBack = xa(XAException.XA_RBCOMMFAIL, new SQLException("gone", "08006"));
        XAException heuristic = xa(XAException.XA_HEURHAZ, new SQLException("gone", "08006"));

        assertThat(dialect.translate(rolledBack)).isSameAs(rolledBack);
        assertThat(dialect.translate(heuristic)).isSameAs(heuristic);
    }

    @Test
    void otherFailuresKeepTheirCode() {
        XAException integrity = xa(XAException.XA_RBINTEGRITY, new SQLException("duplicate key", "23505"));
        XAException rmerr = xa(XAException.XAER_RMERR, new SQLException("syntax", "42601"));

        assertThat(dialect.translate(integrity)).isSameAs(integrity);
        assertThat(dialect.translate(rmerr)).isSameAs(rmerr);
    }

    @Test
    void errorCodeZeroIsRmFail() {
        assertThat(dialect.translate(xa(0, null)).errorCode).isEqualTo(XAException.XAER_RMFAIL);
    }

    @Test
    void zeroPreparedTransactionsIsAProblemThatNamesTheSettingAndTheFix() {
        assertThat(PostgresDialect.preparedTransactionsProblem(0)).hasValueSatisfying(problem -> assertThat(problem)
                .contains("max_prepared_transactions = 0")
                .contains("ALTER SYSTEM SET max_prepared_transactions = 100")
                .contains("restart PostgreSQL"));
    }

    @Test
    void anyPositiveNumberOfPreparedTransactionsIsFine() {
        assertThat(PostgresDialect.preparedTransactionsProblem(1)).isEmpty();
        assertThat(PostgresDialect.preparedTransactionsProblem(100)).isEmpty();
    }

    /** No TMJOIN across connections: pgjdbc can only join the branch of the same connection. */
    @Test
    void branchesAreNeverJoined() {
        assertThat(dialect.joinAllowed()).isFalse();
    }

    /** This module's tests have no drivers on the class path: the message says which to add. */
    @Test
    void aMissingDriverIsNamedWithItsArtifact() {
        assertThatThrownBy(() -> dialect.xaDataSource("jdbc:postgresql://db/orders", "app", "secret"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("org.postgresql.xa.PGXADataSource is not on the class path")
                .hasMessageContaining("add org.postgresql:postgresql");
    }
}
