package io.pactum.testing;

import io.pactum.xa.LastResource;
import io.pactum.xa.NamedXAResource;
import java.util.Map;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A {@link LastResource} (a non-XA connection's local transaction) whose answers are scripted
 * like a {@link ScriptedResource}'s, and whose calls go into the same trace.
 */
public final class ScriptedLastResource implements LastResource, NamedXAResource {
    private final ScriptedResource script;

    public ScriptedLastResource(String name, Trace trace) {
        this.script = new ScriptedResource(name, trace);
    }

    /** The next calls of this kind fail with these XA error codes, one per call. */
    public ScriptedLastResource fail(ScriptedResource.Call call, int... errorCodes) {
        script.fail(call, errorCodes);
        return this;
    }

    /** isSameRM answers true for these resources: a transaction manager must still not join them. */
    public ScriptedLastResource sameRmAs(XAResource... others) {
        script.sameRmAs(others);
        return this;
    }

    public ScriptedResource.Outcome outcome() {
        return script.outcome();
    }

    public Map<Xid, ScriptedResource.Outcome> outcomes() {
        return script.outcomes();
    }

    @Override
    public String resourceName() {
        return script.resourceName();
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        script.start(xid, flags);
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        script.end(xid, flags);
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        return script.prepare(xid);
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        script.commit(xid, onePhase);
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        script.rollback(xid);
    }

    @Override
    public void forget(Xid xid) throws XAException {
        script.forget(xid);
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        return script.recover(flag);
    }

    @Override
    public boolean isSameRM(XAResource other) {
        return script.isSameRM(other);
    }

    @Override
    public int getTransactionTimeout() {
        return script.getTransactionTimeout();
    }

    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        return script.setTransactionTimeout(seconds);
    }

    @Override
    public String toString() {
        return script.toString();
    }
}
