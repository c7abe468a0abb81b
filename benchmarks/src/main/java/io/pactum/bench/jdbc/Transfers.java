package io.pactum.bench.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The statement every transfer runs on each server: one row changed. */
final class Transfers {
    private static final String UPDATE = "UPDATE " + BenchDatabases.TABLE + " SET balance = balance + ? WHERE id = ?";

    private Transfers() {
    }

    static void add(Connection c, int row, long amount) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(UPDATE)) {
            update.setLong(1, amount);
            update.setInt(2, row);
            if (update.executeUpdate() != 1) {
                throw new SQLException("no row " + row + " in " + BenchDatabases.TABLE);
            }
        }
    }
}
