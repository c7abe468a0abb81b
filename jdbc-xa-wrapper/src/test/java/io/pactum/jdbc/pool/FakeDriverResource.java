package io.pactum.jdbc.pool;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/** Stands in for a driver's XAResource: records its calls and throws the failures queued for it. */
final class FakeDriverResource implements XAResource {
    private final List<String> events;
    private final Map<String, Exception> failures = new HashMap<>();

    FakeDriverResource(List<String> events) {
        this.events = events;
    }

    /** The next call of this name ("start", "prepare", ...) throws this XAException or RuntimeException. */
    FakeDriverResource failNext(String call, Exception failure) {
        failures.put(call, failure);
        return this;
    }

    private void call(String what) throws XAException {
        events.add("driver." + what);
        int paren = what.indexOf('(');
        Exception failure = failures.remove(paren < 0 ? what : what.substring(0, paren));
        if (failure instanceof XAException xa) {
            throw xa;
        }
        if (failure != null) {
            throw (RuntimeException) failure;
        }
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        call("start(" + flags + ")");
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        call("end(" + flags + ")");
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        call("prepare");
        return XA_OK;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        call("commit(" + (onePhase ? "1pc" : "2pc") + ")");
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        call("rollback");
    }

    @Override
    public void forget(Xid xid) throws XAException {
        call("forget");
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        call("recover");
        return new Xid[0];
    }

    @Override
    public boolean isSameRM(XAResource other) {
        return true; // as MySQL says of any two connections to one server
    }

    @Override
    public int getTransactionTimeout() {
        return 0;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        call("setTransactionTimeout");
        return false;
    }
}
