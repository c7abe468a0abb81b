package io.pactum.tx;

import io.pactum.config.PactumConfig;
import io.pactum.event.Message;
import io.pactum.log.LogException;
import io.pactum.log.TransactionLog;
import io.pactum.recovery.DecisionAnchor;
import io.pactum.recovery.RecoverableResource;
import io.pactum.recovery.Recoverer;
import io.pactum.recovery.RecoveryService;
import io.pactum.recovery.ScanReport;
import io.pactum.xid.GlobalId;
import io.pactum.xid.NodeId;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;

/**
 * Pactum's {@link TransactionManager}: an object you build with {@code Pactum.builder()} and
 * close when done. Several may live in one JVM; each has its own threads' associations.
 *
 * <p>A thread stays associated with its transaction until it calls commit or rollback, even
 * when the reaper or another thread rolled the transaction back meanwhile: then its
 * {@code rollback()} and {@code setRollbackOnly()} are quiet, its {@code commit()} throws
 * {@code RollbackException}, and a suspended timed-out transaction can still be resumed so that
 * its owner hears of the timeout.
 *
 * <p>{@link #suspend()} only detaches the transaction from the thread: it does not call
 * {@code end(TMSUSPEND)}, which PostgreSQL does not support. Connections stay with their branch.
 */
public final class PactumTransactionManager implements TransactionManager, AutoCloseable {
    private final TransactionRuntime runtime;
    private final ThreadLocal<ThreadContext> threads = ThreadLocal.withInitial(ThreadContext::new);
    private final int defaultTimeoutSeconds;
    private final int maxTimeoutSeconds;
    private final Reaper reaper;
    private final PactumUserTransaction userTransaction = new PactumUserTransaction(this);
    private final PactumSynchronizationRegistry registry = new PactumSynchronizationRegistry(this);
    private final ConcurrentHashMap<String, RecoverableResource> recoverables = new ConcurrentHashMap<>();
    private final RecoveryService recovery;
    private volatile boolean closed;

    public PactumTransactionManager(PactumConfig config) {
        this.runtime = new TransactionRuntime(config);
        this.defaultTimeoutSeconds = (int) config.defaultTimeout().getSeconds();
        this.maxTimeoutSeconds = (int) config.maxTimeout().getSeconds();
        this.reaper = new Reaper(runtime, config.reaperInterval());
        reaper.start();
        Set<NodeId> nodes = new HashSet<>(config.recoverNodes());
        nodes.add(config.nodeId());
        this.recovery = new RecoveryService(new Recoverer(runtime.log, recoverables::values, config.nodeId(), nodes,
                runtime.xids.epoch(), runtime::isInFlight, config.orphanSafetyInterval(),
                config.recoveryInterval(), runtime.recoveryContext));
        if (config.recovery()) {
            recovery.start(config.recoveryInterval());
            Message.RECOVERY_STARTED.log(nodes, config.recoveryInterval().toSeconds(), recoverables.keySet());
        }
        Message.STARTED.log(config.nodeId(), runtime.log);
        if (!runtime.log.isDurable()) {
            Message.LOG_NOT_DURABLE.log(config.nodeId());
        }
    }

    public PactumConfig config() {
        return runtime.config;
    }

    public NodeId nodeId() {
        return runtime.nodeId();
    }

    public UserTransaction userTransaction() {
        return userTransaction;
    }

    public TransactionSynchronizationRegistry synchronizationRegistry() {
        return registry;
    }

    /**
     * Lets recovery scan this resource manager, under the name its branches carry in the log. A
     * {@link DecisionAnchor} also holds the commit decisions of the transactions it takes part
     * in, from the next begin on.
     *
     * @throws IllegalArgumentException when another resource has that name, or when this one is
     *                                  an anchor and another anchor is registered already
     */
    public void registerRecoverable(RecoverableResource resource) {
        synchronized (recoverables) {
            TransactionRuntime.Anchor anchor = runtime.anchor;
            if (resource instanceof DecisionAnchor && anchor != null && anchor.resource() != resource) {
                throw new IllegalArgumentException("resource '" + resource.name() + "' cannot hold commit decisions: '"
                        + anchor.resource().name() + "' holds them already, and a transaction manager has one such anchor. "
                        + "Turn anchoring off on one of the two");
            }
            RecoverableResource before = recoverables.putIfAbsent(resource.name(), resource);
            if (before != null && before != resource) {
                throw new IllegalArgumentException("a resource named '" + resource.name() + "' is registered already: "
                        + "give every data source its own name");
            }
            if (resource instanceof DecisionAnchor a) {
                runtime.anchor = new TransactionRuntime.Anchor(a);
                runtime.xids.anchor(a.name());
            }
        }
    }

    public void unregisterRecoverable(String name) {
        synchronized (recoverables) {
            recoverables.remove(name);
            TransactionRuntime.Anchor anchor = runtime.anchor;
            if (anchor != null && anchor.resource().name().equals(name)) {
                runtime.xids.anchor(null);
                runtime.anchor = null;
            }
        }
    }

    /** Runs one recovery scan now, on this thread, whether or not periodic recovery is on. */
    public ScanReport recoverNow() {
        return recovery.scanNow();
    }

    /** The log behind this transaction manager. */
    public TransactionLog log() {
        return runtime.log;
    }

    /** Whether this transaction began in this process and has not finished. */
    public boolean isInFlight(GlobalId id) {
        return runtime.isInFlight(id);
    }

    /** How many transactions have begun and not yet finished. */
    public int inFlightCount() {
        return runtime.inFlightCount();
    }

    @Override
    public void begin() throws NotSupportedException, SystemException {
        if (closed) {
            throw new SystemException("this Pactum transaction manager is closed");
        }
        ThreadContext ctx = threads.get();
        PactumTransaction current = ctx.transaction;
        if (current != null && !current.state().isFinal()) {
            throw new NotSupportedException("this thread already has transaction " + current
                    + ": nested transactions are not supported");
        }
        int timeout = ctx.timeoutSeconds == 0 ? defaultTimeoutSeconds : ctx.timeoutSeconds;
        PactumTransaction tx = new PactumTransaction(runtime, runtime.xids.newGlobalId(), timeout);
        runtime.register(tx);
        ctx.transaction = tx;
        runtime.listeners.begun(tx.globalId());
    }

    @Override
    public void commit() throws RollbackException, HeuristicMixedException, HeuristicRollbackException,
            SystemException {
        ThreadContext ctx = threads.get();
        PactumTransaction tx = required(ctx);
        try {
            if (tx.isRolledBack() && !tx.isTimedOut()) {
                throw new RollbackException("transaction " + tx + " was rolled back by another thread");
            }
            tx.commit();
        } finally {
            detach(ctx, tx);
        }
    }

    @Override
    public void rollback() throws SystemException {
        ThreadContext ctx = threads.get();
        PactumTransaction tx = required(ctx);
        try {
            if (tx.isRolledBack()) {
                return; // another thread or the reaper did it already
            }
            tx.rollback();
        } finally {
            detach(ctx, tx);
        }
    }

    @Override
    public void setRollbackOnly() {
        required(threads.get()).setRollbackOnly();
    }

    @Override
    public int getStatus() {
        PactumTransaction tx = threads.get().transaction;
        return tx == null ? Status.STATUS_NO_TRANSACTION : tx.getStatus();
    }

    @Override
    public PactumTransaction getTransaction() {
        return threads.get().transaction;
    }

    @Override
    public void setTransactionTimeout(int seconds) throws SystemException {
        if (seconds < 0) {
            throw new SystemException("transaction timeout " + seconds + " is negative: use 0 for the default ("
                    + defaultTimeoutSeconds + " s) or a positive number of seconds");
        }
        if (seconds > maxTimeoutSeconds) {
            throw new SystemException("transaction timeout " + seconds + " s is longer than the configured maxTimeout ("
                    + maxTimeoutSeconds + " s)");
        }
        threads.get().timeoutSeconds = seconds;
    }

    /** The timeout the next {@link #begin()} on this thread will use, in seconds. */
    public int getTransactionTimeout() {
        int t = threads.get().timeoutSeconds;
        return t == 0 ? defaultTimeoutSeconds : t;
    }

    @Override
    public PactumTransaction suspend() {
        ThreadContext ctx = threads.get();
        PactumTransaction tx = ctx.transaction;
        ctx.transaction = null;
        return tx;
    }

    @Override
    public void resume(Transaction transaction) throws InvalidTransactionException {
        ThreadContext ctx = threads.get();
        if (ctx.transaction != null) {
            throw new IllegalStateException("this thread already has transaction " + ctx.transaction
                    + ": suspend it before resuming another");
        }
        if (transaction == null) {
            return;
        }
        if (!(transaction instanceof PactumTransaction tx) || tx.runtime != runtime) {
            throw new InvalidTransactionException(transaction + " was not begun by this transaction manager");
        }
        if (tx.state().isFinal() && !tx.isTimedOut()) {
            throw new InvalidTransactionException("transaction " + tx + " is " + Statuses.name(tx.getStatus())
                    + " and cannot be resumed");
        }
        ctx.transaction = tx;
    }

    /** Ends the thread's association, unless an afterCompletion already began another transaction. */
    private static void detach(ThreadContext ctx, PactumTransaction tx) {
        if (ctx.transaction == tx) {
            ctx.transaction = null;
        }
    }

    private static PactumTransaction required(ThreadContext ctx) {
        PactumTransaction tx = ctx.transaction;
        if (tx == null) {
            throw new IllegalStateException("this thread has no transaction");
        }
        return tx;
    }

    /**
     * Stops the reaper and closes the log. Transactions still in flight are left to recovery:
     * their branches hold no decision, so recovery rolls them back.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        recovery.close();
        reaper.stop();
        runtime.fanout.close();
        int active = runtime.inFlightCount();
        if (active > 0) {
            Message.CLOSED_WITH_ACTIVE.log(runtime.nodeId(), active);
        }
        try {
            runtime.log.close();
        } catch (LogException | RuntimeException e) {
            Message.LOG_CLOSE_FAILED.log(e);
        }
    }
}
