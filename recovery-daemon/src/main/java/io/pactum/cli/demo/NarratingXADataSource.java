package io.pactum.cli.demo;

import io.pactum.jdbc.pool.ForwardingXADataSource;
import java.sql.SQLException;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAResource;

/**
 * A driver's XA data source whose connections' XA resources narrate their calls
 * ({@link NarratingXAResource}). Pactum's data source pools these connections like any others.
 */
final class NarratingXADataSource extends ForwardingXADataSource {
    private final String name;
    private final Narrator narrator;
    private final CrashPoint crash;

    NarratingXADataSource(XADataSource driver, String name, Narrator narrator, CrashPoint crash) {
        super(driver);
        this.name = name;
        this.narrator = narrator;
        this.crash = crash;
    }

    @Override
    protected XAConnection wrap(XAConnection physical) {
        return new Narrating(physical);
    }

    /** One physical connection; only its XA resource is changed. */
    private final class Narrating extends ForwardingXAConnection {
        private XAResource resource;

        Narrating(XAConnection physical) {
            super(physical);
        }

        @Override
        public synchronized XAResource getXAResource() throws SQLException {
            if (resource == null) {
                resource = new NarratingXAResource(physical.getXAResource(), name, narrator, crash);
            }
            return resource;
        }
    }
}
