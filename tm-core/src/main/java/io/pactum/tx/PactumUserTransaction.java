package io.pactum.tx;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;

/** The application's view of its transaction manager. */
final class PactumUserTransaction implements UserTransaction {
    private final PactumTransactionManager tm;

    PactumUserTransaction(PactumTransactionManager tm) {
        this.tm = tm;
    }

    @Override
    public void begin() throws NotSupportedException, SystemException {
        tm.begin();
    }

    @Override
    public void commit() throws RollbackException, HeuristicMixedException, HeuristicRollbackException,
            SystemException {
        tm.commit();
    }

    @Override
    public void rollback() throws SystemException {
        tm.rollback();
    }

    @Override
    public void setRollbackOnly() {
        tm.setRollbackOnly();
    }

    @Override
    public int getStatus() {
        return tm.getStatus();
    }

    @Override
    public void setTransactionTimeout(int seconds) throws SystemException {
        tm.setTransactionTimeout(seconds);
    }
}
