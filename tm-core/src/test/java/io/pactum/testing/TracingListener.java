package io.pactum.testing;

import io.pactum.event.RollbackReason;
import io.pactum.event.TransactionListener;
import io.pactum.log.HeuristicOutcome;
import io.pactum.xid.GlobalId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A listener that writes its events into a {@link Trace}, between the XA calls and log writes:
 * {@code tx.begun}, {@code tx.prepared(2)}, {@code tx.decided}, {@code tx.committed},
 * {@code tx.rolledBack(TIMEOUT)}, {@code tx.heuristic(B,ROLLED_BACK)}, {@code tx.timedOut}.
 * The listener must exist before the transaction manager, the trace only after it:
 * <pre>{@code
 * TracingListener events = new TracingListener();
 * Scenario s = new Scenario(b -> b.listener(events));
 * events.recordInto(s.trace);
 * }</pre>
 */
public final class TracingListener implements TransactionListener {
    private volatile Trace trace = new Trace();
    private final Set<GlobalId> ids = ConcurrentHashMap.newKeySet();

    public void recordInto(Trace trace) {
        this.trace = trace;
    }

    /** Every transaction an event was about. */
    public Set<GlobalId> globalIds() {
        return Set.copyOf(ids);
    }

    private void add(GlobalId id, String event) {
        ids.add(id);
        trace.add("tx." + event);
    }

    @Override
    public void begun(GlobalId id) {
        add(id, "begun");
    }

    @Override
    public void prepared(GlobalId id, int branches) {
        add(id, "prepared(" + branches + ")");
    }

    @Override
    public void decided(GlobalId id) {
        add(id, "decided");
    }

    @Override
    public void committed(GlobalId id, long elapsedNanos) {
        add(id, "committed");
    }

    @Override
    public void rolledBack(GlobalId id, RollbackReason reason) {
        add(id, "rolledBack(" + reason + ")");
    }

    @Override
    public void heuristic(GlobalId id, String resourceName, HeuristicOutcome outcome) {
        add(id, "heuristic(" + resourceName + "," + outcome + ")");
    }

    @Override
    public void endedMixed(GlobalId id) {
        add(id, "endedMixed");
    }

    @Override
    public void timedOut(GlobalId id) {
        add(id, "timedOut");
    }
}
