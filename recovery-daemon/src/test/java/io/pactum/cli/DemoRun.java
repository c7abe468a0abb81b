package io.pactum.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.derby.jdbc.EmbeddedDataSource;

/** One {@code pactum demo} run through the CLI's own entry point, with what it printed. */
record DemoRun(int exitCode, String out, String err) {

    static DemoRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("demo"));
        all.addAll(List.of(args));
        int code = Main.standard().run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new DemoRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A balance as the embedded database itself has it, read behind the demo's back. */
    static BigDecimal derbyBalance(Path database, String owner) throws SQLException {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(database.toString());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT balance FROM pactum_demo_account WHERE owner = '" + owner + "'")) {
            rs.next();
            return rs.getBigDecimal(1);
        } finally {
            shutdown(database);
        }
    }

    private static void shutdown(Path database) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(database.toString());
        ds.setShutdownDatabase("shutdown");
        try {
            ds.getConnection().close();
        } catch (SQLException expected) {
            // Derby answers a successful shutdown with SQLSTATE 08006
        }
    }
}
