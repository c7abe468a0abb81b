package io.pactum.it.crash;

import io.pactum.xid.PactumXid;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The accounts of one crash run: a table of accounts in each database, and a table of markers in
 * each: every transfer inserts its transaction id and amount into both, in the same branches as
 * its balance updates. A transfer committed on both sides has its marker on both sides, and the
 * markers say how much money each side must hold.
 */
final class Ledger {
    static final int ACCOUNTS = 20;
    static final long OPENING_BALANCE = 1_000;

    final String table;

    Ledger(String table) {
        this.table = table;
    }

    void create() throws SQLException {
        for (Db db : Db.values()) {
            String engine = db == Db.MARIADB ? " ENGINE=InnoDB" : "";
            execute(db.plain(), "CREATE TABLE " + table + " (id int PRIMARY KEY, balance bigint NOT NULL)" + engine,
                    "CREATE TABLE " + table + "_mark (tx varchar(100) PRIMARY KEY, amount bigint NOT NULL)" + engine);
            try (Connection c = db.plain().getConnection();
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

    /** Drops the tables; a branch a failed test left prepared would hold their locks, so it waits 10 s at most. */
    void drop() throws SQLException {
        for (Db db : Db.values()) {
            execute(db.plain(), db == Db.POSTGRESQL ? "SET lock_timeout = '10s'" : "SET SESSION lock_wait_timeout = 10",
                    "DROP TABLE IF EXISTS " + table, "DROP TABLE IF EXISTS " + table + "_mark");
        }
    }

    /**
     * One side of a transfer, through a connection enlisted in the current transaction: the
     * account gains {@code amount} (a negative one pays) and the marker is written.
     */
    void book(Connection c, String tx, int account, long amount, long markedAmount) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET balance = balance + ? WHERE id = ?");
             PreparedStatement mark = c.prepareStatement("INSERT INTO " + table + "_mark VALUES (?, ?)")) {
            update.setLong(1, amount);
            update.setInt(2, account);
            if (update.executeUpdate() != 1) {
                throw new SQLException("no account " + account + " in " + table);
            }
            mark.setString(1, tx);
            mark.setLong(2, markedAmount);
            mark.executeUpdate();
        }
    }

    /** The markers committed in one database: transaction id to the amount moved from PostgreSQL to MariaDB. */
    Map<String, Long> markers(Db db) throws SQLException {
        Map<String, Long> markers = new HashMap<>();
        try (Connection c = db.plain().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tx, amount FROM " + table + "_mark")) {
            while (rs.next()) {
                markers.put(rs.getString(1), rs.getLong(2));
            }
        }
        return markers;
    }

    long total(Db db) throws SQLException {
        try (Connection c = db.plain().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sum(balance) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The branches of a node that the database holds prepared (pg_prepared_xacts, XA RECOVER). */
    static List<PactumXid> preparedBranches(Db db, String nodeId) throws SQLException {
        XAConnection xa = db.driverXaDataSource().getXAConnection();
        try {
            List<PactumXid> ours = new ArrayList<>();
            try {
                for (Xid x : xa.getXAResource().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)) {
                    PactumXid.parse(x).filter(p -> p.globalId().nodeId().value().equals(nodeId)).ifPresent(ours::add);
                }
            } catch (javax.transaction.xa.XAException e) {
                throw new SQLException("XA recover failed on " + db + ": " + e, e);
            }
            return ours;
        } finally {
            xa.close();
        }
    }

    /** Rolls back whatever a failed test left prepared for this node, so that the tables can go. */
    static void rollBackLeftovers(Db db, String nodeId) throws SQLException {
        XAConnection xa = db.driverXaDataSource().getXAConnection();
        try {
            for (PactumXid x : preparedBranches(db, nodeId)) {
                try {
                    xa.getXAResource().rollback(x);
                } catch (javax.transaction.xa.XAException e) {
                    throw new SQLException("could not roll back the leftover " + x + " on " + db + ": " + e, e);
                }
            }
        } finally {
            xa.close();
        }
    }

    static void execute(Db db, String... sql) throws SQLException {
        execute(db.plain(), sql);
    }

    /** The one number a query returns. */
    static long count(Db db, String sql) throws SQLException {
        try (Connection c = db.plain().getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(DataSource ds, String... sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }
}
