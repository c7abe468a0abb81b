package io.pactum.bench.workload;

import jakarta.transaction.Status;
import jakarta.transaction.Transaction;
import io.pactum.bench.sut.SystemUnderTest;
import jakarta.transaction.TransactionManager;
import java.util.ArrayList;
import java.util.List;
import javax.transaction.xa.XAResource;

/**
 * begin, enlist N dummy resources, delist each with TMSUCCESS, commit. Each resource stands for
 * its own resource manager ("rm1", "rm2", ...). Every thread keeps one resource object per
 * resource manager for its whole life, like a connection taken from a pool once.
 */
public final class DummyXaWorkload implements Workload {
    private final int[] votes;

    /** @param votes what each resource votes at prepare, in enlistment order */
    public DummyXaWorkload(int... votes) {
        this.votes = votes.clone();
    }

    @Override
    public List<ResourceManager> resourceManagers() {
        List<ResourceManager> rms = new ArrayList<>(votes.length);
        for (int i = 0; i < votes.length; i++) {
            String name = rmName(i);
            int vote = votes[i];
            rms.add(new ResourceManager(name,
                    xa -> xa instanceof DummyResource d && d.resourceManager().equals(name),
                    () -> new DummyResource(name, vote)));
        }
        return rms;
    }

    @Override
    public Worker newWorker(SystemUnderTest.Running system) {
        TransactionManager tm = system.requireTransactionManager();
        XAResource[] resources = new XAResource[votes.length];
        for (int i = 0; i < votes.length; i++) {
            resources[i] = new DummyResource(rmName(i), votes[i]);
        }
        return new Worker() {
            @Override
            public void transaction() throws Exception {
                runOnce(tm, resources);
            }

            @Override
            public String calls() {
                StringBuilder sb = new StringBuilder();
                for (XAResource r : resources) {
                    sb.append(sb.length() == 0 ? "" : "; ").append(((DummyResource) r).calls());
                }
                return sb.toString();
            }
        };
    }

    private static void runOnce(TransactionManager tm, XAResource[] resources) throws Exception {
        tm.begin();
        try {
            Transaction tx = tm.getTransaction();
            for (XAResource r : resources) {
                tx.enlistResource(r);
            }
            for (XAResource r : resources) {
                tx.delistResource(r, XAResource.TMSUCCESS);
            }
        } catch (Exception | Error e) {
            rollBackQuietly(tm);
            throw e;
        }
        tm.commit();
    }

    private static void rollBackQuietly(TransactionManager tm) {
        try {
            if (tm.getStatus() != Status.STATUS_NO_TRANSACTION) {
                tm.rollback();
            }
        } catch (Exception | Error ignored) {
            // the original failure is what the worker reports
        }
    }

    private static String rmName(int i) {
        return "rm" + (i + 1);
    }
}
