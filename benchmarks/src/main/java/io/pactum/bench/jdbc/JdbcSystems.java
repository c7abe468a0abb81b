package io.pactum.bench.jdbc;

import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.arjuna.coordinator.TransactionReaper;
import com.arjuna.ats.internal.arjuna.objectstore.ShadowNoFileLockStore;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import io.pactum.Pactum;
import io.pactum.bench.sut.SystemUnderTest;
import io.pactum.tx.PactumTransactionManager;
import jakarta.transaction.TransactionManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The systems of the JDBC transfer benchmark. The logs are on a real disk (a fresh directory
 * under {@code benchmarks/target/disk} per cell, or {@code -Dpactum.bench.disk=DIR}), because
 * their sync is part of what a two-phase commit costs.
 */
public final class JdbcSystems {
    private JdbcSystems() {
    }

    /**
     * Pactum with its file journal: one fsync per two-phase commit, shared by concurrent
     * committers. Its {@code parallelPhases} is Pactum's default, the number of processors, unless
     * {@code -Dpactum.bench.parallelPhases=N} says otherwise (a diagnostic, through --jvm-arg).
     */
    public static SystemUnderTest pactumJournal() {
        return pactumJournal(defaultParallelPhases(), null);
    }

    /** @param parallelPhases Pactum's setting of that name; the default is the number of processors */
    public static SystemUnderTest pactumJournal(int parallelPhases) {
        return pactumJournal(parallelPhases, null);
    }

    /**
     * Pactum with PostgreSQL's data source holding the commit decisions (the anchored commit):
     * no log write and no PostgreSQL prepare per transaction.
     */
    public static SystemUnderTest pactumAnchored() {
        return pactumJournal(defaultParallelPhases(), "bench_decisions");
    }

    private static int defaultParallelPhases() {
        return Integer.getInteger("pactum.bench.parallelPhases", Runtime.getRuntime().availableProcessors());
    }

    /** @param decisionTable where PostgreSQL's data source holds decisions; null: it holds none */
    private static SystemUnderTest pactumJournal(int parallelPhases, String decisionTable) {
        return setup -> {
            Path dir = diskDirectory("pactum");
            PactumTransactionManager tm = Pactum.builder().nodeId(Janitor.NODE).logDirectory(dir)
                    .parallelPhases(parallelPhases).build();
            return new SystemUnderTest.Running(tm, () -> {
                tm.close();
                delete(dir);
            }, null, null, decisionTable);
        };
    }

    /**
     * Narayana 7.3.3's default file store (ShadowNoFileLockStore), synced on every write, on all
     * three store beans; recovery manager not started, transaction status manager off.
     */
    public static SystemUnderTest narayanaFileStore() {
        return setup -> {
            Path dir = diskDirectory("narayana");
            for (ObjectStoreEnvironmentBean bean : List.of(
                    BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class),
                    BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "communicationStore"),
                    BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "stateStore"))) {
                bean.setObjectStoreType(ShadowNoFileLockStore.class.getName());
                bean.setObjectStoreDir(dir.toString());
                bean.setObjectStoreSync(true);
            }
            arjPropertyManager.getCoreEnvironmentBean().setNodeIdentifier(Janitor.NODE);
            arjPropertyManager.getCoordinatorEnvironmentBean().setTransactionStatusManagerEnable(false);
            TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
            return new SystemUnderTest.Running(tm, () -> {
                TransactionReaper.terminate(false);
                delete(dir);
            });
        };
    }

    /**
     * No transaction manager: the workers drive XA by hand.
     *
     * @param switchAutoCommit also switch autocommit off and on around each branch, as Agroal does
     * @param sideBySide         call the two branches of a phase side by side
     */
    public static SystemUnderTest handDrivenXa(boolean switchAutoCommit, boolean sideBySide) {
        return setup -> SystemUnderTest.Running.byHand(new HandDrivenXa(switchAutoCommit, sideBySide));
    }

    private static Path diskDirectory(String name) throws IOException {
        Path base = Path.of(System.getProperty("pactum.bench.disk", "benchmarks/target/disk"));
        return Files.createTempDirectory(Files.createDirectories(base), name + "-");
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
