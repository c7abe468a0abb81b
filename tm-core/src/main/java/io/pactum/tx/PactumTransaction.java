package io.pactum.tx;

import io.pactum.event.Message;
import io.pactum.twopc.Branch;
import io.pactum.twopc.BranchStatus;
import io.pactum.xa.LastResource;
import io.pactum.xa.NamedXAResource;
import io.pactum.xa.XaErrors;
import io.pactum.xa.XaPhase;
import io.pactum.xa.XaVerdict;
import io.pactum.xid.GlobalId;
import io.pactum.xid.PactumXid;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;

/**
 * One global transaction. It owns its state: every change goes through {@link #moveTo} under
 * its lock. Enlistment and registration happen under the lock; the thread that wins the move
 * out of {@link TxState#BEFORE_COMPLETION} or {@link TxState#ACTIVE} then owns the branches
 * alone and runs the XA calls of completion without the lock (see {@link Completion}).
 *
 * <p>Equal by global id.
 */
public final class PactumTransaction implements Transaction {
    final TransactionRuntime runtime;
    private final GlobalId id;
    private final int timeoutSeconds;
    final long startNanos;
    private final long deadlineNanos;
    final ReentrantLock lock = new ReentrantLock();
    private volatile TxState state = TxState.ACTIVE;
    private volatile Throwable rollbackCause;
    private volatile boolean rollbackOnly;
    private volatile boolean timedOut;
    final List<Branch> branches = new ArrayList<>(2);
    final List<Enlistment> enlistments = new ArrayList<>(2);
    final Synchronizations synchronizations = new Synchronizations();
    private Map<Object, Object> resources;
    private final Completion completion;

    PactumTransaction(TransactionRuntime runtime, GlobalId id, int timeoutSeconds) {
        this.runtime = runtime;
        this.id = id;
        this.timeoutSeconds = timeoutSeconds;
        this.startNanos = System.nanoTime();
        this.deadlineNanos = startNanos + timeoutSeconds * 1_000_000_000L;
        this.completion = new Completion(this);
    }

    public GlobalId globalId() {
        return id;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    /** The branches enlisted so far, for diagnostics. */
    public List<Branch> branches() {
        lock.lock();
        try {
            return List.copyOf(branches);
        } finally {
            lock.unlock();
        }
    }

    /** Rolled back, or being rolled back: by its owner, another thread or the reaper. */
    boolean isRolledBack() {
        return state == TxState.ROLLING_BACK || state == TxState.ROLLED_BACK;
    }

    /** Whether the reaper rolled this transaction back because it passed its timeout. */
    public boolean isTimedOut() {
        return timedOut;
    }

    @Override
    public void commit() throws RollbackException, HeuristicMixedException, HeuristicRollbackException,
            SystemException {
        completion.commit();
    }

    @Override
    public void rollback() throws SystemException {
        completion.rollback();
    }

    @Override
    public void setRollbackOnly() {
        lock.lock();
        try {
            if (isRolledBack()) {
                return; // rollback is already its only outcome, e.g. after the reaper timed it out
            }
            if (!state.takesWork()) {
                throw new IllegalStateException("transaction " + id + " is " + Statuses.name(getStatus())
                        + ": it can no longer be marked rollback-only");
            }
            markRollbackOnly(new IllegalStateException("setRollbackOnly() was called on transaction " + id));
        } finally {
            lock.unlock();
        }
    }

    void markRollbackOnly(Throwable cause) {
        if (!rollbackOnly) {
            rollbackCause = cause;
            rollbackOnly = true;
        }
    }

    boolean isRollbackOnly() {
        return rollbackOnly;
    }

    Throwable rollbackCause() {
        return rollbackCause;
    }

    @Override
    public int getStatus() {
        TxState s = state;
        return s.takesWork() && rollbackOnly ? jakarta.transaction.Status.STATUS_MARKED_ROLLBACK : s.status;
    }

    TxState state() {
        return state;
    }

    /** Changes the state; the caller holds the lock or owns completion. */
    void moveTo(TxState next) {
        TxState current = state;
        if (!current.canMoveTo(next)) {
            throw new IllegalStateException("transaction " + id + " cannot move from " + current + " to " + next);
        }
        state = next;
    }

    boolean isPastDeadline(long nowNanos) {
        return nowNanos - deadlineNanos > 0;
    }

    void markTimedOut() {
        timedOut = true;
        markRollbackOnly(new IllegalStateException("transaction " + id + " timed out after " + timeoutSeconds + " s"));
    }

    /**
     * Called by the reaper: marks the transaction timed out and makes it the caller's to roll back
     * ({@link #rollBackTimedOut}). False when its owner holds the lock (the next round tries
     * again) or it is already completing.
     */
    boolean claimTimeout() {
        return completion.claimTimeout();
    }

    /** Rolls back a transaction whose timeout {@link #claimTimeout} claimed. */
    void rollBackTimedOut() {
        completion.rollBackTimedOut();
    }

    @Override
    public boolean enlistResource(XAResource resource) throws RollbackException, SystemException {
        Objects.requireNonNull(resource, "resource");
        lock.lock();
        try {
            checkTakesWork("enlist a resource in");
            Enlistment known = find(resource);
            if (known != null) {
                return reassociate(known);
            }
            Branch joinable = joinableBranch(resource);
            if (joinable != null) {
                start(resource, joinable.xid(), XAResource.TMJOIN);
                enlistments.add(new Enlistment(resource, joinable));
                return true;
            }
            Branch branch = new Branch(new PactumXid(id, branches.size() + 1), resource, nameOf(resource),
                    mayBeJoined(resource));
            passTimeout(resource);
            start(resource, branch.xid(), XAResource.TMNOFLAGS);
            branches.add(branch);
            enlistments.add(new Enlistment(resource, branch));
            return true;
        } finally {
            lock.unlock();
        }
    }

    private boolean reassociate(Enlistment e) throws SystemException, RollbackException {
        switch (e.association) {
            case ACTIVE -> {
                return true;
            }
            case SUSPENDED -> start(e.resource, e.branch.xid(), XAResource.TMRESUME);
            case ENDED -> start(e.resource, e.branch.xid(), XAResource.TMJOIN);
        }
        e.association = Enlistment.Association.ACTIVE;
        return true;
    }

    /** A last resource is a local transaction of its own connection: it never joins nor is joined. */
    private static boolean mayBeJoined(XAResource resource) {
        return !(resource instanceof LastResource) && (!(resource instanceof NamedXAResource n) || n.joinAllowed());
    }

    private Branch joinableBranch(XAResource resource) throws SystemException {
        if (!mayBeJoined(resource)) {
            return null;
        }
        for (Branch b : branches) {
            if (!b.joinAllowed() || b.status() != BranchStatus.ACTIVE) {
                continue;
            }
            try {
                if (resource.isSameRM(b.resource())) {
                    return b;
                }
            } catch (XAException e) {
                throw systemException("isSameRM failed on resource " + nameOf(resource), e);
            }
        }
        return null;
    }

    private void passTimeout(XAResource resource) {
        try {
            resource.setTransactionTimeout(timeoutSeconds);
        } catch (XAException | RuntimeException e) {
            Message.TIMEOUT_NOT_SET.log(e, nameOf(resource), e.getMessage());
        }
    }

    private void start(XAResource resource, PactumXid xid, int flags) throws SystemException, RollbackException {
        try {
            resource.start(xid, flags);
        } catch (XAException | RuntimeException e) {
            String what = "XAResource.start(" + xid + ", " + flagName(flags) + ") failed on resource " + nameOf(resource)
                    + " with " + XaErrors.name(XaErrors.codeOf(e));
            if (XaErrors.classify(XaPhase.START, e) == XaVerdict.ROLLED_BACK) {
                markRollbackOnly(e);
                RollbackException rollback = new RollbackException(what + "; transaction " + id
                        + " is marked rollback-only");
                rollback.initCause(e);
                throw rollback;
            }
            throw systemException(what, e);
        }
    }

    @Override
    public boolean delistResource(XAResource resource, int flag) throws SystemException {
        Objects.requireNonNull(resource, "resource");
        if (flag != XAResource.TMSUCCESS && flag != XAResource.TMFAIL && flag != XAResource.TMSUSPEND) {
            throw new IllegalArgumentException("delistResource takes TMSUCCESS, TMFAIL or TMSUSPEND, not " + flag);
        }
        lock.lock();
        try {
            if (!state.takesWork()) {
                throw new IllegalStateException("transaction " + id + " is " + Statuses.name(getStatus())
                        + ": resources can no longer be delisted");
            }
            Enlistment e = find(resource);
            if (e == null || e.association == Enlistment.Association.ENDED
                    || (e.association == Enlistment.Association.SUSPENDED && flag == XAResource.TMSUSPEND)) {
                return false;
            }
            return end(e, flag);
        } finally {
            lock.unlock();
        }
    }

    private boolean end(Enlistment e, int flag) {
        if (flag == XAResource.TMFAIL) {
            markRollbackOnly(new IllegalStateException("resource " + e.branch.resourceName()
                    + " was delisted with TMFAIL from transaction " + id));
        }
        try {
            e.resource.end(e.branch.xid(), flag);
            e.association = flag == XAResource.TMSUSPEND ? Enlistment.Association.SUSPENDED
                    : Enlistment.Association.ENDED;
            return true;
        } catch (XAException | RuntimeException ex) {
            Message.END_FAILED.log(ex, e.branch.xid(), e.branch.resourceName(), XaErrors.name(XaErrors.codeOf(ex)));
            e.association = Enlistment.Association.ENDED;
            e.branch.status(BranchStatus.FAILED);
            markRollbackOnly(ex);
            return false;
        }
    }

    /**
     * Ends every association still open. {@code TMSUCCESS} before prepare; {@code TMFAIL} before
     * rollback. Returns false when one failed; its branch is then {@link BranchStatus#FAILED}.
     */
    boolean endAll(int flag) {
        boolean ok = true;
        for (Enlistment e : enlistments) {
            if (e.association != Enlistment.Association.ENDED) {
                try {
                    e.resource.end(e.branch.xid(), flag);
                } catch (XAException | RuntimeException ex) {
                    if (flag == XAResource.TMSUCCESS) {
                        Message.END_FAILED.log(ex, e.branch.xid(), e.branch.resourceName(),
                                XaErrors.name(XaErrors.codeOf(ex)));
                    }
                    e.branch.status(BranchStatus.FAILED);
                    ok = false;
                }
                e.association = Enlistment.Association.ENDED;
            }
        }
        for (Branch b : branches) {
            if (b.status() == BranchStatus.ACTIVE) {
                b.status(BranchStatus.ENDED);
            }
        }
        return ok;
    }

    private Enlistment find(XAResource resource) {
        for (Enlistment e : enlistments) {
            if (e.resource == resource) {
                return e;
            }
        }
        return null;
    }

    @Override
    public void registerSynchronization(Synchronization sync) throws RollbackException {
        register(sync, false);
    }

    void register(Synchronization sync, boolean interposed) throws RollbackException {
        Objects.requireNonNull(sync, "synchronization");
        lock.lock();
        try {
            checkTakesWork("register a synchronization with");
            synchronizations.register(sync, interposed);
        } finally {
            lock.unlock();
        }
    }

    private void checkTakesWork(String what) throws RollbackException {
        if (timedOut) {
            throw new RollbackException("cannot " + what + " transaction " + id + ": it timed out after "
                    + timeoutSeconds + " s and was rolled back");
        }
        if (!state.takesWork()) {
            throw new IllegalStateException("cannot " + what + " transaction " + id + ": it is "
                    + Statuses.name(getStatus()));
        }
        if (rollbackOnly) {
            RollbackException e = new RollbackException("cannot " + what + " transaction " + id
                    + ": it is marked rollback-only");
            e.initCause(rollbackCause);
            throw e;
        }
    }

    void putResource(Object key, Object value) {
        Objects.requireNonNull(key, "key");
        lock.lock();
        try {
            if (resources == null) {
                resources = new HashMap<>();
            }
            resources.put(key, value);
        } finally {
            lock.unlock();
        }
    }

    Object getResource(Object key) {
        Objects.requireNonNull(key, "key");
        lock.lock();
        try {
            return resources == null ? null : resources.get(key);
        } finally {
            lock.unlock();
        }
    }

    static String nameOf(XAResource resource) {
        return resource instanceof NamedXAResource n ? n.resourceName() : resource.getClass().getName();
    }

    private static String flagName(int flags) {
        return switch (flags) {
            case XAResource.TMJOIN -> "TMJOIN";
            case XAResource.TMRESUME -> "TMRESUME";
            default -> "TMNOFLAGS";
        };
    }

    static SystemException systemException(String message, Throwable cause) {
        SystemException e = new SystemException(message);
        e.initCause(cause);
        return e;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PactumTransaction other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
