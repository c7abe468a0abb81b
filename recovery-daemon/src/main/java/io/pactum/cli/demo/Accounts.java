package io.pactum.cli.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The account table of one bank, reached through that bank's Pactum data source: inside a
 * transaction the statements join it, outside they commit on their own. The SQL is the same on
 * Derby, PostgreSQL, MySQL and MariaDB.
 */
final class Accounts {
    static final String TABLE = "pactum_demo_account";
    private static final String UPDATE = "UPDATE " + TABLE + " SET balance = balance + ? WHERE owner = ?";

    private final String bank;
    private final DataSource dataSource;

    Accounts(String bank, DataSource dataSource) {
        this.bank = bank;
        this.dataSource = dataSource;
    }

    String bank() {
        return bank;
    }

    /** Creates the table unless a run before this one did. */
    void createTable() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
                return;
            } catch (SQLException missing) {
                s.execute("CREATE TABLE " + TABLE + " (owner VARCHAR(32) NOT NULL PRIMARY KEY, "
                        + "balance DECIMAL(12,2) NOT NULL)");
            }
        }
    }

    /** Gives an account this balance, creating it if needed. */
    void open(String owner, BigDecimal balance) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement set = c.prepareStatement("UPDATE " + TABLE + " SET balance = ? WHERE owner = ?")) {
            set.setBigDecimal(1, balance);
            set.setString(2, owner);
            if (set.executeUpdate() == 1) {
                return;
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?)")) {
                insert.setString(1, owner);
                insert.setBigDecimal(2, balance);
                insert.executeUpdate();
            }
        }
    }

    /**
     * Adds an amount (negative: takes it) in the current transaction.
     *
     * @return the statement, as the demo shows it
     */
    String add(String owner, BigDecimal amount) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(UPDATE)) {
            update.setBigDecimal(1, amount);
            update.setString(2, owner);
            int rows = update.executeUpdate();
            if (rows != 1) {
                throw new SQLException("bank " + bank + " has no account of " + owner);
            }
            String change = amount.signum() < 0 ? "- " + amount.negate().toPlainString() : "+ " + amount.toPlainString();
            return "UPDATE " + TABLE + " SET balance = balance " + change + " WHERE owner = '" + owner + "'  (1 row)";
        }
    }

    BigDecimal balance(String owner) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT balance FROM " + TABLE + " WHERE owner = ?")) {
            q.setString(1, owner);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("bank " + bank + " has no account of " + owner);
                }
                return rs.getBigDecimal(1).setScale(2);
            }
        }
    }
}
