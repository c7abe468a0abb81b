package io.pactum.bench.sut;

import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.arjuna.coordinator.TransactionReaper;
import com.arjuna.ats.internal.arjuna.objectstore.ShadowNoFileLockStore;
import com.arjuna.ats.internal.arjuna.objectstore.VolatileStore;
import com.arjuna.ats.internal.arjuna.objectstore.hornetq.HornetqJournalEnvironmentBean;
import com.arjuna.ats.internal.arjuna.objectstore.hornetq.HornetqObjectStoreAdaptor;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import jakarta.transaction.TransactionManager;
import java.nio.file.Path;
import java.util.List;
import org.apache.activemq.artemis.core.io.aio.AIOSequentialFileFactory;

/**
 * Narayana's standalone JTA transaction manager, recovery not started. The store must be set on
 * all three store beans (default, communicationStore, stateStore), before the first transaction.
 */
final class NarayanaSystem {
    private NarayanaSystem() {
    }

    /** The volatile (in-memory) object store: Narayana's CPU path without log I/O. */
    static SystemUnderTest volatileStore() {
        return setup -> start(VolatileStore.class.getName(), setup.scratchDir().resolve("narayana"));
    }

    /**
     * Its default store (ShadowNoFileLockStore: one file per transaction, synced, deleted after
     * phase 2) on the real disk.
     */
    static SystemUnderTest fileStoreOnDisk() {
        return setup -> start(ShadowNoFileLockStore.class.getName(), setup.diskDir().resolve("narayana"));
    }

    /**
     * Its journal store (Artemis's journal) on the real disk, with Narayana's defaults otherwise.
     * It asks for AIO; without the native library on java.library.path Artemis cannot use it,
     * and Narayana falls back to NIO with warning ARJUNA012393. The transaction records go to
     * the default store; the other two stores stay file stores in the same directory (they are
     * not written by this workload), as three journals cannot share one directory.
     */
    static SystemUnderTest journalOnDisk() {
        return setup -> {
            Path dir = setup.diskDir().resolve("narayana");
            HornetqJournalEnvironmentBean journal = BeanPopulator.getDefaultInstance(HornetqJournalEnvironmentBean.class);
            journal.setStoreDir(dir.resolve("journal").toString());
            System.err.println("narayana-journal: asyncIO=" + journal.isAsyncIO() + ", AIO supported="
                    + AIOSequentialFileFactory.isSupported() + " -> "
                    + (journal.isAsyncIO() && AIOSequentialFileFactory.isSupported() ? "AIO" : "NIO") + " mode");
            for (ObjectStoreEnvironmentBean bean : storeBeans()) {
                bean.setObjectStoreType(ShadowNoFileLockStore.class.getName());
            }
            storeBeans().get(0).setObjectStoreType(HornetqObjectStoreAdaptor.class.getName());
            return start(null, dir);
        };
    }

    /** @param storeType the type for all three store beans, or null to keep what was set */
    private static SystemUnderTest.Running start(String storeType, Path dir) throws Exception {
        for (ObjectStoreEnvironmentBean bean : storeBeans()) {
            if (storeType != null) {
                bean.setObjectStoreType(storeType);
            }
            bean.setObjectStoreDir(dir.toString());
        }
        arjPropertyManager.getCoreEnvironmentBean().setNodeIdentifier("bench");
        // The status manager is a socket listener that only recovery of other processes asks.
        arjPropertyManager.getCoordinatorEnvironmentBean().setTransactionStatusManagerEnable(false);
        TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
        return new SystemUnderTest.Running(tm, () -> TransactionReaper.terminate(false));
    }

    private static List<ObjectStoreEnvironmentBean> storeBeans() {
        return List.of(BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class),
                BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "communicationStore"),
                BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "stateStore"));
    }
}
