package io.pactum.it.crash;

import io.pactum.event.TransactionListener;
import io.pactum.xid.GlobalId;
import io.pactum.xid.PactumXid;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.Xid;

/**
 * Sees the protocol steps of the planned transaction (from the XA calls and the listener) and
 * ends the JVM at the planned one with {@code Runtime.halt}: no shutdown hooks, no finally
 * blocks, no closing of connections or of the log, as in a crash. Also makes the planned
 * outage happen and the DBA's rollback by hand. Every other transaction passes untouched.
 */
final class Tripwire implements TransactionListener {
    /** The exit status of a planned halt, so that the test knows the crash was the planned one. */
    static final int HALT_STATUS = 86;

    private final CrashPlan plan;
    private final Outcomes outcomes;
    private final Sessions sessions;
    private final AtomicInteger prepares = new AtomicInteger();
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicBoolean outageDone = new AtomicBoolean();
    private final Map<Db, Xid> branches = new ConcurrentHashMap<>();

    Tripwire(CrashPlan plan, Outcomes outcomes, Sessions sessions) {
        this.plan = plan;
        this.outcomes = outcomes;
        this.sessions = sessions;
    }

    void prepared(Db db, Xid xid) {
        GlobalId id = planned(xid);
        if (id != null) {
            branches.put(db, xid);
            reached(prepares.incrementAndGet() == 1 ? CrashPoint.AFTER_FIRST_PREPARE : CrashPoint.AFTER_SECOND_PREPARE, id);
        }
    }

    void committing(Db db, Xid xid) {
        if (planned(xid) != null && db == plan.outage() && outageDone.compareAndSet(false, true)) {
            sessions.endAll(db);
        }
    }

    void committed(Db db, Xid xid) {
        GlobalId id = planned(xid);
        if (id != null) {
            reached(commits.incrementAndGet() == 1 ? CrashPoint.BETWEEN_COMMITS : CrashPoint.AFTER_PHASE_TWO, id);
        }
    }

    @Override
    public void decided(GlobalId id) {
        outcomes.decided(id);
        if (plan.isAbout(id.sequence()) && plan.rollbackByHand() != null) {
            rollBackByHand(plan.rollbackByHand());
        }
        reached(CrashPoint.AFTER_DECISION, id);
    }

    void reached(CrashPoint point, GlobalId id) {
        if (point == plan.point() && plan.isAbout(id.sequence())) {
            System.out.println("CRASH " + point + " " + id);
            System.out.flush();
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }

    private void rollBackByHand(Db db) {
        try {
            Dba.rollBack(db, branches.get(db));
            System.out.println("DBA rolled back " + PactumXid.parse(branches.get(db)).orElseThrow() + " on " + db);
        } catch (SQLException e) {
            throw new IllegalStateException("the DBA could not roll back on " + db, e);
        }
    }

    private GlobalId planned(Xid xid) {
        GlobalId id = PactumXid.parse(xid).map(PactumXid::globalId).orElse(null);
        return id != null && plan.isAbout(id.sequence()) ? id : null;
    }
}
