package io.pactum.it.differential;

import io.pactum.it.differential.RecordingSynchronization.Before;
import jakarta.transaction.Status;
import java.util.concurrent.atomic.AtomicReference;
import javax.transaction.xa.XAResource;

/** The API calls scenarios are made of. */
final class Steps {
    /** How long a timeout scenario waits for the manager to roll the transaction back. */
    private static final long TIMEOUT_WAIT_MILLIS = 5_000;

    private Steps() {
    }

    static Step begin() {
        return new Step("begin", run -> {
            run.tm().begin();
            run.tx = run.tm().getTransaction();
            return null;
        });
    }

    static Step enlist(String resource) {
        return new Step("enlist(" + resource + ")", run -> run.tx().enlistResource(run.resource(resource)));
    }

    static Step delist(String resource, int flag) {
        return new Step("delist(" + resource + "," + flagName(flag) + ")",
                run -> run.tx().delistResource(run.resource(resource), flag));
    }

    static Step setRollbackOnly() {
        return new Step("setRollbackOnly", run -> {
            run.tm().setRollbackOnly();
            return null;
        });
    }

    static Step registerSynchronization(String name) {
        return register(name, Before.RETURN);
    }

    /** A synchronization whose beforeCompletion throws. */
    static Step registerFailingSynchronization(String name) {
        return register(name, Before.THROW);
    }

    /** A synchronization whose beforeCompletion marks the transaction rollback-only. */
    static Step registerVetoingSynchronization(String name) {
        return register(name, Before.SET_ROLLBACK_ONLY);
    }

    private static Step register(String name, Before before) {
        String label = before == Before.RETURN ? name : name + "," + before;
        return new Step("registerSynchronization(" + label + ")", run -> {
            run.tx().registerSynchronization(new RecordingSynchronization(name, run, before));
            run.registeredSynchronizations++;
            return null;
        });
    }

    static Step registerInterposedSynchronization(String name) {
        return new Step("registerInterposedSynchronization(" + name + ")", run -> {
            run.under.registry().registerInterposedSynchronization(new RecordingSynchronization(name, run, Before.RETURN));
            run.registeredSynchronizations++;
            return null;
        });
    }

    static Step suspend() {
        return new Step("suspend", run -> {
            run.suspended = run.tm().suspend();
            return run.suspended == null ? "null" : null;
        });
    }

    static Step resume() {
        return new Step("resume", run -> {
            run.tm().resume(run.suspended);
            return null;
        });
    }

    static Step setTransactionTimeout(int seconds) {
        return new Step("setTransactionTimeout(" + seconds + ")", run -> {
            run.tm().setTransactionTimeout(seconds);
            return null;
        });
    }

    /** Waits until the manager has rolled the timed-out transaction back and told its synchronizations. */
    static Step awaitTimeout() {
        return new Step("wait past the timeout", run -> {
            long end = System.currentTimeMillis() + TIMEOUT_WAIT_MILLIS;
            while (!settled(run)) {
                if (System.currentTimeMillis() > end) {
                    throw new AssertionError(run.under.name() + " did not roll back the timed-out transaction");
                }
                Thread.sleep(20);
            }
            return null;
        });
    }

    private static boolean settled(Run run) throws Exception {
        int s = run.tx().getStatus();
        boolean finished = s == Status.STATUS_ROLLEDBACK || s == Status.STATUS_NO_TRANSACTION;
        long told = run.synchronizations.stream().filter(e -> e.contains(".after(")).count();
        return finished && told >= run.registeredSynchronizations;
    }

    static Step commit() {
        return new Step("commit", run -> {
            run.tm().commit();
            return null;
        });
    }

    static Step rollback() {
        return new Step("rollback", run -> {
            run.tm().rollback();
            return null;
        });
    }

    static Step setRollbackOnlyOnTransaction() {
        return new Step("tx.setRollbackOnly", run -> {
            run.tx().setRollbackOnly();
            return null;
        });
    }

    /** Another thread rolls the transaction object back while this thread is still associated with it. */
    static Step rollbackTransactionOnAnotherThread() {
        return new Step("tx.rollback on another thread", run -> onAnotherThread(run, () -> run.tx().rollback()));
    }

    /** Transaction.commit() on the transaction object rather than through the manager. */
    static Step commitTransaction() {
        return new Step("tx.commit", run -> {
            run.tx().commit();
            return null;
        });
    }

    static Step rollbackTransaction() {
        return new Step("tx.rollback", run -> {
            run.tx().rollback();
            return null;
        });
    }

    static Step status() {
        return new Step("getStatus", run -> StatusNames.of(run.tm().getStatus()));
    }

    /** Another thread resumes the suspended transaction and commits it through the manager. */
    static Step commitOnAnotherThread() {
        return new Step("resume+commit on another thread", run -> onAnotherThread(run, () -> {
            run.tm().resume(run.suspended);
            run.tm().commit();
        }));
    }

    /** Another thread commits the transaction object while this thread is still associated with it. */
    static Step commitTransactionOnAnotherThread() {
        return new Step("tx.commit on another thread", run -> onAnotherThread(run, () -> run.tx().commit()));
    }

    private interface Call {
        void run() throws Exception;
    }

    private static Object onAnotherThread(Run run, Call call) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                call.run();
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                run.under.resetThread();
            }
        }, "differential-other-thread");
        t.start();
        t.join();
        Throwable f = failure.get();
        if (f instanceof Exception e) {
            throw e;
        }
        if (f instanceof Error e) {
            throw e;
        }
        return null;
    }

    static String flagName(int flag) {
        return switch (flag) {
            case XAResource.TMSUCCESS -> "TMSUCCESS";
            case XAResource.TMFAIL -> "TMFAIL";
            case XAResource.TMSUSPEND -> "TMSUSPEND";
            default -> Integer.toString(flag);
        };
    }
}
