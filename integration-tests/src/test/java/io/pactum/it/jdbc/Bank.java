package io.pactum.it.jdbc;

import io.pactum.Pactum;
import io.pactum.it.Databases;
import io.pactum.jdbc.PactumDataSource;
import io.pactum.recovery.RecoverableResource;
import io.pactum.tx.PactumTransactionManager;
import io.pactum.xid.PactumXid;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * Accounts in two real databases: a table in PostgreSQL and one in MariaDB (through
 * mysql-connector-j), behind two Pactum data sources of one transaction manager whose log is a
 * file journal in a temporary directory. Tables and node id are fresh per bank, so tests and
 * other users of the servers do not see each other's rows or branches.
 */
final class Bank implements AutoCloseable {
    static final int ACCOUNTS = 100;
    static final long OPENING_BALANCE = 1_000;

    final String table = "acct_" + UUID.randomUUID().toString().substring(0, 8);
    final String nodeId = "it-jdbc-" + UUID.randomUUID().toString().substring(0, 8);
    final PactumTransactionManager tm;
    final PactumDataSource pg;
    final PactumDataSource my;
    private final DataSource pgPlain = Databases.postgres();
    private final DataSource myPlain = Databases.mysql();

    Bank(Path logDirectory) throws SQLException {
        this(logDirectory, tm -> tm, ds -> ds);
    }

    Bank(Path logDirectory, UnaryOperator<Pactum.Builder> tmSettings, UnaryOperator<PactumDataSource.Builder> dsSettings)
            throws SQLException {
        this(logDirectory, tmSettings, dsSettings, dsSettings);
    }

    /** With settings of its own for each data source. */
    Bank(Path logDirectory, UnaryOperator<Pactum.Builder> tmSettings, UnaryOperator<PactumDataSource.Builder> pgSettings,
            UnaryOperator<PactumDataSource.Builder> mySettings) throws SQLException {
        createTables();
        // Recovery runs when a test calls tm.recoverNow(), not in the background.
        tm = tmSettings.apply(Pactum.builder().logDirectory(logDirectory).nodeId(nodeId).commitRetries(1)
                .retryDelay(Duration.ofMillis(10)).reaperInterval(Duration.ofMillis(20)).recovery(false)).build();
        pg = pgSettings.apply(PactumDataSource.builder(tm).name("pg-accounts").url(Databases.PG_URL)
                .user(Databases.PG_USER).password(Databases.PG_PASSWORD)).build();
        my = mySettings.apply(PactumDataSource.builder(tm).name("my-accounts").url(Databases.MYSQL_URL)
                .user(Databases.MYSQL_USER).password(Databases.MYSQL_PASSWORD)).build();
    }

    private void createTables() throws SQLException {
        execute(pgPlain, "CREATE TABLE " + table + " (id int PRIMARY KEY, balance bigint NOT NULL)",
                "CREATE TABLE " + table + "_ref (ref text, CONSTRAINT " + table
                        + "_ref_unique UNIQUE (ref) DEFERRABLE INITIALLY DEFERRED)");
        execute(myPlain, "CREATE TABLE " + table + " (id int PRIMARY KEY, balance bigint NOT NULL) ENGINE=InnoDB");
        for (DataSource ds : List.of(pgPlain, myPlain)) {
            try (Connection c = ds.getConnection();
                 PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
                for (int id = 1; id <= ACCOUNTS; id++) {
                    insert.setInt(1, id);
                    insert.setLong(2, OPENING_BALANCE);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /** Moves an amount from a PostgreSQL account to a MariaDB account, in the current transaction. */
    void moveToMariaDb(int from, int to, long amount) throws SQLException {
        add(pg, from, -amount);
        add(my, to, amount);
    }

    /** Adds an amount to an account through a Pactum data source (so: in the current transaction, if any). */
    void add(PactumDataSource ds, int account, long amount) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET balance = balance + ? WHERE id = ?")) {
            update.setLong(1, amount);
            update.setInt(2, account);
            if (update.executeUpdate() != 1) {
                throw new SQLException("no account " + account + " in " + ds.name());
            }
        }
    }

    /** Records a transfer reference in PostgreSQL; a duplicate violates a constraint checked at commit (or PREPARE). */
    void reference(String ref) throws SQLException {
        reference(pg, ref);
    }

    /** Records a transfer reference through any data source on the PostgreSQL database. */
    void reference(javax.sql.DataSource postgres, String ref) throws SQLException {
        try (Connection c = postgres.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + "_ref VALUES (?)")) {
            insert.setString(1, ref);
            insert.executeUpdate();
        }
    }

    long pgBalance(int account) throws SQLException {
        return balance(pgPlain, account);
    }

    long myBalance(int account) throws SQLException {
        return balance(myPlain, account);
    }

    long pgTotal() throws SQLException {
        return sum(pgPlain);
    }

    long myTotal() throws SQLException {
        return sum(myPlain);
    }

    long references() throws SQLException {
        return query(pgPlain, "SELECT count(*) FROM " + table + "_ref");
    }

    private long balance(DataSource ds, int account) throws SQLException {
        return query(ds, "SELECT balance FROM " + table + " WHERE id = " + account);
    }

    private long sum(DataSource ds) throws SQLException {
        return query(ds, "SELECT sum(balance) FROM " + table);
    }

    static long query(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void execute(DataSource ds, String... sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    /** The rows of the decision table on this database. */
    static long rows(DataSource ds, String decisionTable) throws SQLException {
        return query(ds, "SELECT count(*) FROM " + decisionTable);
    }

    DataSource pgPlain() {
        return pgPlain;
    }

    DataSource myPlain() {
        return myPlain;
    }

    /** The branches of this bank's node that either server still holds prepared. */
    List<PactumXid> inDoubt() throws Exception {
        List<PactumXid> ours = new ArrayList<>();
        for (PactumDataSource ds : List.of(pg, my)) {
            try (RecoverableResource.Session c = ds.recoverable().orElseThrow().open()) {
                for (Xid xid : c.xaResource().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)) {
                    PactumXid.parse(xid).filter(x -> x.globalId().nodeId().value().equals(nodeId)).ifPresent(ours::add);
                }
            }
        }
        return ours;
    }

    @Override
    public void close() throws Exception {
        try {
            tm.close();
        } finally {
            pg.close();
            my.close();
            execute(pgPlain, "DROP TABLE IF EXISTS " + table, "DROP TABLE IF EXISTS " + table + "_ref");
            execute(myPlain, "DROP TABLE IF EXISTS " + table);
        }
    }
}
