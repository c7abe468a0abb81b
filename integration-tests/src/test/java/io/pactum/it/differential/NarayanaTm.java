package io.pactum.it.differential;

import com.arjuna.ats.arjuna.common.CoordinatorEnvironmentBean;
import com.arjuna.ats.arjuna.common.CoreEnvironmentBeanException;
import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.internal.arjuna.objectstore.VolatileStore;
import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Narayana, the reference. It is a static singleton, so it is configured once per JVM, before
 * its first use: in-memory object stores, node identifier "1", no recovery manager (none is
 * started), and a reaper that checks often so timeout scenarios stay short.
 */
final class NarayanaTm implements TmUnderTest {
    private static final String[] STORES = {null, "communicationStore", "stateStore"};
    /** Held so the level sticks: Narayana logs every scripted XA failure with a stack trace. */
    private static final Logger NARAYANA_LOG = Logger.getLogger("com.arjuna");
    private static TransactionManager tm;
    private static TransactionSynchronizationRegistry registry;

    NarayanaTm() {
        configureOnce();
    }

    private static synchronized void configureOnce() {
        if (tm != null) {
            return;
        }
        NARAYANA_LOG.setLevel(Level.SEVERE);
        String dir = tempDir();
        for (String store : STORES) {
            ObjectStoreEnvironmentBean bean = store == null
                    ? BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class)
                    : BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, store);
            bean.setObjectStoreType(VolatileStore.class.getName());
            bean.setObjectStoreDir(dir);
        }
        CoordinatorEnvironmentBean coordinator = arjPropertyManager.getCoordinatorEnvironmentBean();
        coordinator.setTxReaperTimeout(50);
        coordinator.setDefaultTimeout(60);
        try {
            arjPropertyManager.getCoreEnvironmentBean().setNodeIdentifier("1");
        } catch (CoreEnvironmentBeanException e) {
            throw new IllegalStateException(e);
        }
        tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
        registry = new TransactionSynchronizationRegistryImple();
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("narayana-differential").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return "Narayana";
    }

    @Override
    public TransactionManager tm() {
        return tm;
    }

    @Override
    public TransactionSynchronizationRegistry registry() {
        return registry;
    }

    @Override
    public void resetThread() {
        try {
            tm.suspend();
            tm.setTransactionTimeout(0);
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        resetThread();
    }
}
