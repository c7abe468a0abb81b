package io.pactum.event;

import io.pactum.log.HeuristicOutcome;
import io.pactum.xid.GlobalId;
import java.util.List;
import java.util.function.Consumer;

/** Fans events out to the configured listeners; one failing listener does not stop the others. */
public final class Listeners implements TransactionListener {
    private final TransactionListener[] listeners;

    public Listeners(List<TransactionListener> listeners) {
        this.listeners = listeners.toArray(new TransactionListener[0]);
    }

    public boolean isEmpty() {
        return listeners.length == 0;
    }

    private void each(Consumer<TransactionListener> event) {
        for (TransactionListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                Message.LISTENER_FAILED.log(e, l.getClass().getName());
            }
        }
    }

    @Override
    public void begun(GlobalId id) {
        if (listeners.length > 0) {
            each(l -> l.begun(id));
        }
    }

    @Override
    public void prepared(GlobalId id, int branches) {
        if (listeners.length > 0) {
            each(l -> l.prepared(id, branches));
        }
    }

    @Override
    public void decided(GlobalId id) {
        if (listeners.length > 0) {
            each(l -> l.decided(id));
        }
    }

    @Override
    public void committed(GlobalId id, long elapsedNanos) {
        if (listeners.length > 0) {
            each(l -> l.committed(id, elapsedNanos));
        }
    }

    @Override
    public void rolledBack(GlobalId id, RollbackReason reason) {
        if (listeners.length > 0) {
            each(l -> l.rolledBack(id, reason));
        }
    }

    @Override
    public void heuristic(GlobalId id, String resourceName, HeuristicOutcome outcome) {
        if (listeners.length > 0) {
            each(l -> l.heuristic(id, resourceName, outcome));
        }
    }

    @Override
    public void endedMixed(GlobalId id) {
        if (listeners.length > 0) {
            each(l -> l.endedMixed(id));
        }
    }

    @Override
    public void timedOut(GlobalId id) {
        if (listeners.length > 0) {
            each(l -> l.timedOut(id));
        }
    }
}
