package io.pactum.jdbc.pool;

import io.pactum.jdbc.dialect.Dialect;
import io.pactum.xa.NamedXAResource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A driver's XAResource under its data source's name. Failures go through the dialect's
 * {@link Dialect#translate translation}, a driver's runtime exception becomes
 * {@code XAER_RMFAIL}, and {@code TMSUSPEND} / {@code TMRESUME} never reach the driver: a
 * connection stays with its branch until completion, and PostgreSQL has neither.
 */
public class DriverXAResource implements NamedXAResource {
    private final XAResource driver;
    private final String name;
    private final Dialect dialect;

    public DriverXAResource(XAResource driver, String name, Dialect dialect) {
        this.driver = driver;
        this.name = name;
        this.dialect = dialect;
    }

    @FunctionalInterface
    interface Call<T> {
        T run() throws XAException;
    }

    /** Runs one driver call; every failure is translated and reported to {@link #failed}. */
    final <T> T call(Call<T> call) throws XAException {
        try {
            return call.run();
        } catch (XAException e) {
            XAException translated = dialect.translate(e);
            failed(translated);
            throw translated;
        } catch (RuntimeException e) {
            XAException wrapped = new XAException(dialect.name() + " driver failed: " + e);
            wrapped.errorCode = XAException.XAER_RMFAIL;
            wrapped.initCause(e);
            failed(wrapped);
            throw wrapped;
        }
    }

    /** Hears of every failed driver call, after translation. */
    protected void failed(XAException failure) {
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        if (flags == TMRESUME) {
            return;
        }
        call(() -> {
            driver.start(xid, flags);
            return null;
        });
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        if (flags == TMSUSPEND) {
            return;
        }
        call(() -> {
            driver.end(xid, flags);
            return null;
        });
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        return call(() -> driver.prepare(xid));
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        call(() -> {
            driver.commit(xid, onePhase);
            return null;
        });
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        call(() -> {
            driver.rollback(xid);
            return null;
        });
    }

    @Override
    public void forget(Xid xid) throws XAException {
        call(() -> {
            driver.forget(xid);
            return null;
        });
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        return call(() -> driver.recover(flag));
    }

    /** Only itself: Pactum never joins branches of these servers (see {@link #joinAllowed()}). */
    @Override
    public boolean isSameRM(XAResource other) {
        return other == this;
    }

    @Override
    public int getTransactionTimeout() throws XAException {
        return call(driver::getTransactionTimeout);
    }

    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        return call(() -> driver.setTransactionTimeout(seconds));
    }

    @Override
    public String resourceName() {
        return name;
    }

    @Override
    public boolean joinAllowed() {
        return dialect.joinAllowed();
    }

    @Override
    public String toString() {
        return name;
    }
}
