package io.pactum.it.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.it.Databases;
import io.pactum.jdbc.PactumDataSource;
import io.pactum.jdbc.pool.DecisionTable;
import io.pactum.log.file.FileJournal;
import io.pactum.testing.Await;
import io.pactum.xid.GlobalId;
import jakarta.transaction.RollbackException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transfers whose decision PostgreSQL (or MariaDB) holds in a table of its own: the anchored
 * branch is committed in one phase after the other prepared, and the log is never written.
 */
class AnchoredTransferTest {
    @TempDir
    Path log;
    private final String decisions = "dec_" + UUID.randomUUID().toString().substring(0, 8);
    private Bank bank;

    private Bank anchoredOn(boolean postgres) throws SQLException {
        bank = postgres ? new Bank(log, tm -> tm, ds -> ds.decisionTable(decisions), ds -> ds)
                : new Bank(log, tm -> tm, ds -> ds, ds -> ds.decisionTable(decisions));
        return bank;
    }

    @AfterEach
    void close() throws Exception {
        try {
            if (bank != null) {
                assertThat(bank.inDoubt()).as("prepared branches left behind").isEmpty();
                assertThat(bank.tm.inFlightCount()).isZero();
                bank.close();
            }
        } finally {
            Bank.execute(Databases.postgres(), "DROP TABLE IF EXISTS " + decisions);
            Bank.execute(Databases.mysql(), "DROP TABLE IF EXISTS " + decisions);
        }
    }

    private long pendingInLog() throws Exception {
        return FileJournal.inspect(log, (where, entry) -> { }).pending().size();
    }

    @Test
    void aTransferCommitsOnBothWithoutAnyDecisionInTheLog() throws Exception {
        anchoredOn(true);
        assertThat(bank.pg.decisionTable()).contains(decisions);
        bank.tm.begin();
        GlobalId id = bank.tm.getTransaction().globalId();
        bank.moveToMariaDb(1, 2, 100);
        bank.tm.commit();

        assertThat(id.anchor()).isEqualTo(GlobalId.anchorId("pg-accounts"));
        assertThat(bank.pgBalance(1)).isEqualTo(Bank.OPENING_BALANCE - 100);
        assertThat(bank.myBalance(2)).isEqualTo(Bank.OPENING_BALANCE + 100);
        Await.until("the decision row of a finished transfer is deleted", () -> pgRows() == 0);
        bank.tm.close();
        assertThat(log.toFile().list()).isNotEmpty();
        assertThat(pendingInLog()).isZero();
    }

    @Test
    void mariaDbCanHoldTheDecisionsToo() throws Exception {
        anchoredOn(false);
        bank.tm.begin();
        bank.moveToMariaDb(1, 2, 100);
        bank.tm.commit();

        assertThat(bank.pgBalance(1)).isEqualTo(Bank.OPENING_BALANCE - 100);
        assertThat(bank.myBalance(2)).isEqualTo(Bank.OPENING_BALANCE + 100);
        bank.my.close(); // deletes what waits for clean-up
        assertThat(Bank.rows(Databases.mysql(), decisions)).isZero();
    }

    @Test
    void aRefusedPrepareRollsBackBothAndLeavesNoDecision() throws Exception {
        anchoredOn(false); // MariaDB anchors: PostgreSQL's deferred unique check refuses at PREPARE
        bank.tm.begin();
        bank.reference("dup");
        bank.reference("dup");
        bank.moveToMariaDb(1, 2, 100);

        assertThatThrownBy(bank.tm::commit).isInstanceOf(RollbackException.class);
        assertThat(bank.pgBalance(1)).isEqualTo(Bank.OPENING_BALANCE);
        assertThat(bank.myBalance(2)).isEqualTo(Bank.OPENING_BALANCE);
        assertThat(Bank.rows(Databases.mysql(), decisions)).isZero();
    }

    @Test
    void theAnchorsOwnFailureAtCommitRollsBackThePreparedBranch() throws Exception {
        anchoredOn(true);
        bank.tm.begin();
        bank.reference("dup"); // PostgreSQL anchors: its deferred check fails its one-phase commit
        bank.reference("dup");
        bank.moveToMariaDb(1, 2, 100);

        assertThatThrownBy(bank.tm::commit).isInstanceOf(RollbackException.class);
        assertThat(bank.pgBalance(1)).isEqualTo(Bank.OPENING_BALANCE);
        assertThat(bank.myBalance(2)).isEqualTo(Bank.OPENING_BALANCE);
        assertThat(Bank.rows(Databases.postgres(), decisions)).isZero();
    }

    @Test
    void manyConcurrentTransfersKeepTheTotalExactAndLeaveNoRows() throws Exception {
        anchoredOn(true);
        int threads = 16;
        int perThread = 150;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                int committed = 0;
                for (int i = 0; i < perThread; i++) {
                    ThreadLocalRandom r = ThreadLocalRandom.current();
                    bank.tm.begin();
                    try {
                        bank.moveToMariaDb(1 + r.nextInt(Bank.ACCOUNTS), 1 + r.nextInt(Bank.ACCOUNTS),
                                r.nextInt(1, 20));
                        bank.tm.commit();
                        committed++;
                    } catch (Exception e) {
                        if (bank.tm.getTransaction() != null) {
                            bank.tm.rollback();
                        }
                    }
                }
                return committed;
            }));
        }
        int committed = 0;
        for (Future<Integer> f : results) {
            committed += f.get();
        }
        pool.shutdown();

        assertThat(committed).as("most transfers commit (deadlocks may roll some back)")
                .isGreaterThan(threads * perThread / 2);
        assertThat(bank.pgTotal() + bank.myTotal()).isEqualTo(2 * Bank.ACCOUNTS * Bank.OPENING_BALANCE);
        bank.pg.close();
        assertThat(Bank.rows(Databases.postgres(), decisions)).isZero();
        assertThat(pendingInLog()).isZero();
    }

    @Test
    void askingWaitsForTheAnchorBranchAndThenFindsItsDecisionOrLeavesARefusal() throws Exception {
        anchoredOn(true);
        DecisionTable table = (DecisionTable) bank.pg.recoverable().orElseThrow();
        GlobalId committedId = GlobalId.parse(hex("01036e6f640000000000000001000000000000000a")).orElseThrow();
        GlobalId openId = GlobalId.parse(hex("01036e6f640000000000000001000000000000000b")).orElseThrow();
        DataSource pg = Databases.postgres();
        insert(pg, committedId, true);
        assertThat(table.committed(committedId)).isTrue();

        try (Connection open = pg.getConnection()) {
            open.setAutoCommit(false);
            insert(open, openId, true);
            long start = System.nanoTime();
            assertThatThrownBy(() -> table.committed(openId)).as("the branch is open: no answer yet")
                    .isInstanceOf(SQLException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
            open.rollback();
        }
        assertThat(table.committed(openId)).as("its branch rolled back: the refusal goes in").isFalse();
        assertThat(table.committed(openId)).as("and stays").isFalse();
        try (Connection late = pg.getConnection()) {
            assertThatThrownBy(() -> insert(late, openId, true)).as("a late decision collides with the refusal")
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aSecondDataSourceThatHoldsDecisionsIsRefusedWithBothNames() throws Exception {
        anchoredOn(true);
        assertThatThrownBy(() -> PactumDataSource.builder(bank.tm).name("pg-other").url(Databases.PG_URL)
                .user(Databases.PG_USER).password(Databases.PG_PASSWORD).decisionTable(decisions).build())
                .hasMessageContaining("'pg-other'").hasMessageContaining("'pg-accounts'");
    }

    @Test
    void aBadTableNameFailsAtBuild() {
        assertThatThrownBy(() -> PactumDataSource.builder(io.pactum.Pactum.builder().inMemoryLog().build())
                .name("x").url(Databases.PG_URL).decisionTable("drop table;").config())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a table name");
    }

    private long pgRows() {
        try {
            return Bank.rows(Databases.postgres(), decisions);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hex(String h) {
        return java.util.HexFormat.of().parseHex(h);
    }

    private void insert(DataSource ds, GlobalId id, boolean committed) throws SQLException {
        try (Connection c = ds.getConnection()) {
            insert(c, id, committed);
        }
    }

    private void insert(Connection c, GlobalId id, boolean committed) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + decisions
                + " (gtrid, committed, resources) VALUES (?, ?, 'my-accounts')")) {
            s.setBytes(1, id.toBytes());
            s.setBoolean(2, committed);
            s.executeUpdate();
        }
    }
}
