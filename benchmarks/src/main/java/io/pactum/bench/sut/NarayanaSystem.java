package io.pactum.bench.sut;

import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.arjuna.coordinator.TransactionReaper;
import com.arjuna.ats.internal.arjuna.objectstore.VolatileStore;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import jakarta.transaction.TransactionManager;
import java.util.List;

/**
 * Narayana's standalone JTA transaction manager, recovery not started. The store must be set on
 * all three store beans (default, communicationStore, stateStore), before the first transaction.
 */
final class NarayanaSystem {
    private NarayanaSystem() {
    }

    /** The volatile (in-memory) object store: Narayana's CPU path without log I/O. */
    static SystemUnderTest volatileStore() {
        return withStore(VolatileStore.class.getName());
    }

    static SystemUnderTest withStore(String storeType) {
        return setup -> {
            String dir = setup.scratchDir().resolve("narayana").toString();
            for (ObjectStoreEnvironmentBean bean : storeBeans()) {
                bean.setObjectStoreType(storeType);
                bean.setObjectStoreDir(dir);
            }
            arjPropertyManager.getCoreEnvironmentBean().setNodeIdentifier("bench");
            // The status manager is a socket listener that only recovery of other processes asks.
            arjPropertyManager.getCoordinatorEnvironmentBean().setTransactionStatusManagerEnable(false);
            TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
            return new SystemUnderTest.Running(tm, () -> TransactionReaper.terminate(false));
        };
    }

    private static List<ObjectStoreEnvironmentBean> storeBeans() {
        return List.of(BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class),
                BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "communicationStore"),
                BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "stateStore"));
    }
}
