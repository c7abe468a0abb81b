package io.pactum.bench.sut;

import com.atomikos.datasource.xa.XATransactionalResource;
import com.atomikos.icatch.config.Configuration;
import com.atomikos.icatch.jta.UserTransactionManager;
import io.pactum.bench.workload.ResourceManager;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.transaction.xa.XAResource;

/**
 * Atomikos TransactionsEssentials, configured through its {@code com.atomikos.icatch.*} system
 * properties before it starts. It enlists only XAResources that a registered recoverable
 * resource claims, so each resource manager of the workload is registered as one.
 */
final class AtomikosSystem {
    private AtomikosSystem() {
    }

    /** Its log on tmpfs: Atomikos's CPU path, with the file writes but no disk sync cost. */
    static SystemUnderTest logOnTmpfs() {
        return setup -> start(setup, setup.scratchDir().resolve("atomikos"));
    }

    /** Its log on the real disk: two forced records per transaction. */
    static SystemUnderTest logOnDisk() {
        return setup -> start(setup, setup.diskDir().resolve("atomikos"));
    }

    static SystemUnderTest.Running start(Setup setup, Path logDir) throws Exception {
        Files.createDirectories(logDir);
        System.setProperty("com.atomikos.icatch.log_base_dir", logDir.toString());
        System.setProperty("com.atomikos.icatch.log_base_name", "tmlog");
        System.setProperty("com.atomikos.icatch.tm_unique_name", "bench");
        System.setProperty("com.atomikos.icatch.default_jta_timeout", "60000");
        // Its default of 50 concurrent transactions is below the 64-thread cell.
        System.setProperty("com.atomikos.icatch.max_actives", Integer.toString(Math.max(50, 2 * setup.threads())));
        UserTransactionManager tm = new UserTransactionManager();
        tm.setForceShutdown(true);
        tm.init();
        for (ResourceManager rm : setup.resourceManagers()) {
            Configuration.addResource(new ClaimingResource(rm));
        }
        return new SystemUnderTest.Running(tm, tm::close);
    }

    /** Tells Atomikos which XAResources belong to one resource manager, and how to recover it. */
    private static final class ClaimingResource extends XATransactionalResource {
        private final ResourceManager rm;

        ClaimingResource(ResourceManager rm) {
            super(rm.name());
            this.rm = rm;
        }

        @Override
        protected XAResource refreshXAConnection() {
            return rm.forRecovery().get();
        }

        @Override
        public boolean usesXAResource(XAResource xares) {
            return rm.owns().test(xares);
        }
    }
}
