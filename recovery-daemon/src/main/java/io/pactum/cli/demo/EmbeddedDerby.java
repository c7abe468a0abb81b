package io.pactum.cli.demo;

import io.pactum.jdbc.dialect.Dialect;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.XADataSource;
import org.apache.derby.jdbc.EmbeddedXADataSource;

/**
 * An Apache Derby database inside this process, in a directory of its own. Derby is the demo's
 * embedded database because its XA is real: a prepared branch is forced to its log, survives
 * the connection that prepared it, a clean shutdown and a crash, and {@code recover()} lists it
 * afterwards (H2 2.3 rolls such a branch back when its connection closes).
 */
record EmbeddedDerby(String name, Path directory) implements BankDatabase {
    /** SQLSTATE of Derby's answer to a successful shutdown of one database. */
    private static final String SHUT_DOWN = "08006";

    EmbeddedDerby {
        directory = directory.toAbsolutePath().normalize();
    }

    @Override
    public String describe() {
        return "Apache Derby, embedded, in " + directory;
    }

    @Override
    public XADataSource xaDataSource() {
        EmbeddedXADataSource ds = new EmbeddedXADataSource();
        ds.setDatabaseName(directory.toString());
        ds.setCreateDatabase("create");
        return ds;
    }

    @Override
    public Dialect dialect() {
        return null; // Pactum's generic dialect, found from the product name
    }

    /** Closes the database cleanly, so that the next run (in this process or another) can boot it. */
    @Override
    public void shutdown() {
        EmbeddedXADataSource ds = new EmbeddedXADataSource();
        ds.setDatabaseName(directory.toString());
        ds.setShutdownDatabase("shutdown");
        try {
            ds.getXAConnection().close();
        } catch (SQLException e) {
            if (!SHUT_DOWN.equals(e.getSQLState())) {
                throw new IllegalStateException("cannot shut down the Derby database in " + directory + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** Derby writes its own messages to derby.log; the demo keeps that file next to its databases. */
    static void logTo(Path directory) {
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", directory.toAbsolutePath().resolve("derby.log").toString());
        }
    }
}
