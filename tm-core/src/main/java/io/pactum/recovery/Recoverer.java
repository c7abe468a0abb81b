package io.pactum.recovery;

import io.pactum.event.Message;
import io.pactum.log.BranchRecord;
import io.pactum.log.CommitDecision;
import io.pactum.log.LogException;
import io.pactum.log.TransactionLog;
import io.pactum.twopc.Branch;
import io.pactum.twopc.BranchStatus;
import io.pactum.twopc.Heuristics;
import io.pactum.twopc.PhaseContext;
import io.pactum.xa.XaErrors;
import io.pactum.xa.XaPhase;
import io.pactum.xa.XaVerdict;
import io.pactum.xid.GlobalId;
import io.pactum.xid.NodeId;
import io.pactum.xid.PactumXid;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * One recovery pass over every registered resource. It asks each for its prepared branches
 * ({@code recover()}), keeps those of the nodes it recovers, and then, reading the log only
 * after every {@code recover()} returned:
 * <ul>
 * <li>a branch whose transaction has a commit decision is committed; once every branch of a
 * decision is committed (or gone from its resource), the decision is forgotten;</li>
 * <li>a branch without a decision is rolled back only when it was seen in two scans at least
 * the safety interval apart, its transaction is not in flight in this process, and no decision
 * can still come for it: its process has ended (another epoch of this node: the log directory's
 * lock says so), or it ended in this process. A decision is only ever written while its
 * transaction is in flight, before its deadline;</li>
 * <li>a resource whose {@code recover()} failed gets no orphan rollback in that scan.</li>
 * </ul>
 * A branch without a decision whose gtrid names a decision anchor ({@link DecisionAnchor}) is
 * settled by what that anchor says, under the same conditions as an orphan; one whose anchor is
 * not registered here is never rolled back.
 * Each scan first carries out the operators' requests to the log ({@code pactum forget} on a
 * file journal this process holds).
 * XIDs of other formats and other nodes are never touched. Failed actions back off per branch,
 * and a branch's failure is logged when it starts and then less and less often.
 */
public final class Recoverer {
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    private final TransactionLog log;
    private final Supplier<Collection<RecoverableResource>> resources;
    private final Set<NodeId> nodes;
    private final long ownEpoch;
    private final NodeId ownNode;
    private final Predicate<GlobalId> inFlight;
    private final Duration safetyInterval;
    private final Duration backoff;
    private final PhaseContext ctx;
    private final Map<PactumXid, Memory> memory = new HashMap<>();
    private final Set<String> reported = new HashSet<>();
    private long scans;
    /** The nodes whose decisions this scan could read: only their branches may be orphans. */
    private Set<NodeId> decisionsVisible = Set.of();
    /** This scan's decision anchors, by {@link GlobalId#anchorId}. */
    private final Map<Long, DecisionAnchor> anchors = new HashMap<>();
    /** What anchors answered in this scan. */
    private final Map<GlobalId, Boolean> verdicts = new HashMap<>();
    /** Transactions of this process that recovery asked an anchor about: their decisions are its to clean up. */
    private final Set<GlobalId> asked = new HashSet<>();

    /** What recovery remembers of one branch between scans. */
    private static final class Memory {
        final Instant firstSeen;
        final long firstScan;
        int failures;
        Instant notBefore = Instant.MIN;

        Memory(Instant firstSeen, long firstScan) {
            this.firstSeen = firstSeen;
            this.firstScan = firstScan;
        }
    }

    /** One resource's scan: its open session and the branches of ours it listed. */
    private record Listing(RecoverableResource resource, RecoverableResource.Session session, Set<PactumXid> xids) {
        boolean ok() {
            return session != null;
        }
    }

    /**
     * @param nodes          the nodes whose branches this recovers: its own, and those it took over
     * @param ownEpoch       the epoch of this process's XIDs ({@code XidFactory.epoch()})
     * @param inFlight       whether a transaction is still running in this process
     * @param safetyInterval how long a branch without a decision must have been seen before it is rolled back
     * @param backoff        the first pause after a failed action; it doubles with each failure
     */
    public Recoverer(TransactionLog log, Supplier<Collection<RecoverableResource>> resources, NodeId ownNode,
            Set<NodeId> nodes, long ownEpoch, Predicate<GlobalId> inFlight, Duration safetyInterval, Duration backoff,
            PhaseContext ctx) {
        this.log = log;
        this.resources = resources;
        this.ownNode = ownNode;
        this.nodes = Set.copyOf(nodes);
        this.ownEpoch = ownEpoch;
        this.inFlight = inFlight;
        this.safetyInterval = safetyInterval;
        this.backoff = backoff;
        this.ctx = ctx;
    }

    public synchronized ScanReport scan() {
        scans++;
        Tally t = new Tally();
        try {
            log.applyOperatorRequests();
        } catch (LogException | RuntimeException e) {
            Message.JOURNAL_REQUESTS_FAILED.log(e, log, e.getMessage()); // this scan goes on
        }
        Map<String, Listing> listings = new LinkedHashMap<>();
        anchors.clear();
        verdicts.clear();
        try {
            for (RecoverableResource r : resources.get()) {
                listings.put(r.name(), list(r, t));
                if (r instanceof DecisionAnchor a) {
                    anchors.put(GlobalId.anchorId(a.name()), a);
                }
            }
            Map<GlobalId, CommitDecision> decisions = new HashMap<>();
            Set<NodeId> known = new HashSet<>();
            for (NodeId n : nodes) {
                Optional<List<CommitDecision>> of = n.equals(ownNode) ? Optional.of(log.pendingDecisions())
                        : log.pendingDecisionsOf(n);
                of.ifPresent(list -> {
                    known.add(n);
                    list.forEach(d -> decisions.put(d.globalId(), d));
                });
            }
            decisionsVisible = known;
            Set<PactumXid> resolved = new HashSet<>();
            for (Listing l : listings.values()) {
                for (PactumXid xid : l.xids()) {
                    act(xid, l, decisions.get(xid.globalId()), resolved, t);
                }
            }
            finishDecisions(decisions.values(), listings, resolved, t);
            cleanAnchors(listings, resolved, t);
            forgetUnseen(listings);
        } catch (LogException | RuntimeException e) {
            Message.RECOVERY_FAILED.log(e);
        } finally {
            listings.values().forEach(Recoverer::close);
        }
        return t.report();
    }

    private Listing list(RecoverableResource r, Tally t) {
        RecoverableResource.Session session = null;
        try {
            session = r.open();
            Set<PactumXid> ours = new LinkedHashSet<>();
            for (Xid x : recoverAll(session.xaResource())) {
                PactumXid.parse(x).filter(p -> nodes.contains(p.globalId().nodeId())).ifPresent(ours::add);
            }
            reported.remove("scan:" + r.name());
            return new Listing(r, session, ours);
        } catch (Exception e) {
            t.failedResources++;
            if (reported.add("scan:" + r.name())) {
                Message.RECOVERY_SCAN_FAILED.log(e, r.name(), e.toString());
            }
            close(new Listing(r, session, Set.of()));
            return new Listing(r, null, Set.of());
        }
    }

    /** Every XID the resource lists; drivers differ in how they page, so stop when nothing new comes. */
    private static List<Xid> recoverAll(XAResource xa) throws XAException {
        Set<Xid> all = new LinkedHashSet<>();
        Xid[] batch = xa.recover(XAResource.TMSTARTRSCAN);
        while (batch != null && batch.length > 0 && addNew(all, batch) && all.size() < 1_000_000) {
            batch = xa.recover(XAResource.TMNOFLAGS);
        }
        try {
            xa.recover(XAResource.TMENDRSCAN);
        } catch (XAException | RuntimeException ignored) {
            // ending the scan frees driver state only; some drivers refuse it on its own
        }
        return new ArrayList<>(all);
    }

    private static boolean addNew(Set<Xid> all, Xid[] batch) {
        boolean added = false;
        for (Xid x : batch) {
            added |= x != null && all.add(x);
        }
        return added;
    }

    private void act(PactumXid xid, Listing l, CommitDecision decision, Set<PactumXid> resolved, Tally t) {
        Instant now = ctx.clock().instant();
        Memory m = memory.computeIfAbsent(xid, x -> new Memory(now, scans));
        if (inFlight.test(xid.globalId()) || now.isBefore(m.notBefore)) {
            t.waiting++;
            return;
        }
        Branch b = new Branch(xid, l.session().xaResource(), l.resource().name(), false);
        String orphan;
        if (decision != null) {
            commit(b, m, resolved, t, () -> Message.RECOVERY_COMMITTED.log(b.xid(), b.resourceName(),
                    decision.decidedAt()));
        } else if ((orphan = orphanReason(xid, m, now)) == null) {
            t.waiting++;
        } else if (xid.globalId().anchor() != 0) {
            askAnchor(b, m, orphan, resolved, t);
        } else {
            rollback(b, m, orphan, resolved, t);
        }
    }

    /**
     * A branch without a decision in the log whose transaction may have anchored its decision:
     * its anchor says whether it committed, and when it did not, makes sure it never will. A
     * branch whose anchor is not registered here is left alone.
     */
    private void askAnchor(Branch b, Memory m, String orphan, Set<PactumXid> resolved, Tally t) {
        GlobalId g = b.xid().globalId();
        DecisionAnchor anchor = anchors.get(g.anchor());
        if (anchor == null) {
            t.waiting++;
            if (reported.add("anchor:" + g)) {
                Message.RECOVERY_ANCHOR_UNKNOWN.log(b.xid(), b.resourceName(), Long.toHexString(g.anchor()));
            }
            return;
        }
        Boolean committed = verdicts.get(g);
        if (committed == null) {
            try {
                committed = anchor.committed(g);
            } catch (Exception e) {
                failed(b, m, "ask anchor " + anchor.name() + " about", e, t);
                return;
            }
            verdicts.put(g, committed);
            if (g.epoch() == ownEpoch && g.nodeId().equals(ownNode)) {
                asked.add(g);
            }
        }
        if (committed) {
            commit(b, m, resolved, t, () -> Message.RECOVERY_ANCHORED_COMMIT.log(b.xid(), b.resourceName(),
                    anchor.name()));
        } else {
            rollback(b, m, orphan + ", and anchor " + anchor.name() + " holds no commit decision", resolved, t);
        }
    }

    /**
     * Deletes the anchors' decisions (and refusals) of transactions with nothing left to
     * recover: none of their branches is listed after this scan, every resource answered, and
     * every resource a commit names is registered here. Only decisions of the nodes this
     * recovers, of processes that have ended, or of this one that recovery itself asked about:
     * a transaction of this process that ended without recovery's help cleans up its own.
     */
    private void cleanAnchors(Map<String, Listing> listings, Set<PactumXid> resolved, Tally t) {
        if (anchors.isEmpty()) {
            return;
        }
        Set<GlobalId> remaining = new HashSet<>();
        for (Listing l : listings.values()) {
            if (!l.ok()) {
                return;
            }
            for (PactumXid x : l.xids()) {
                if (!resolved.contains(x)) {
                    remaining.add(x.globalId());
                }
            }
        }
        for (DecisionAnchor anchor : anchors.values()) {
            try {
                List<GlobalId> done = new ArrayList<>();
                for (DecisionAnchor.Decision d : anchor.decisions()) {
                    GlobalId g = d.id();
                    boolean ours = nodes.contains(g.nodeId()) && decisionsVisible.contains(g.nodeId())
                            && (g.epoch() != ownEpoch || !g.nodeId().equals(ownNode) || asked.contains(g));
                    if (ours && !inFlight.test(g) && !remaining.contains(g) && resourcesKnown(d, listings)) {
                        done.add(g);
                    }
                }
                if (!done.isEmpty()) {
                    anchor.forget(done);
                    done.forEach(asked::remove);
                    t.decisionsFinished += done.size();
                }
                reported.remove("clean:" + anchor.name());
            } catch (Exception e) {
                if (reported.add("clean:" + anchor.name())) {
                    Message.RECOVERY_ANCHOR_FAILED.log(e, anchor.name(), e.toString());
                }
            }
        }
    }

    private boolean resourcesKnown(DecisionAnchor.Decision d, Map<String, Listing> listings) {
        if (!d.committed()) {
            return true; // a refusal: any branch found later is rolled back all the same
        }
        for (String r : d.resources()) {
            if (!listings.containsKey(r)) {
                if (reported.add("unknown:" + d.id() + ":" + r)) {
                    Message.RECOVERY_UNKNOWN_RESOURCE.log(d.id(), r);
                }
                return false;
            }
        }
        return true;
    }

    /** Why a branch without a decision may be rolled back now, or null when it may not (yet). */
    private String orphanReason(PactumXid xid, Memory m, Instant now) {
        if (m.firstScan == scans || Duration.between(m.firstSeen, now).compareTo(safetyInterval) < 0) {
            return null; // not yet seen in two scans the safety interval apart
        }
        GlobalId g = xid.globalId();
        if (!decisionsVisible.contains(g.nodeId())) {
            return null; // its decisions are out of this log's sight: never presume abort
        }
        if (!g.nodeId().equals(ownNode)) {
            return "node " + g.nodeId() + " was taken over by this one";
        }
        return g.epoch() == ownEpoch ? "its transaction ended in this process"
                : "the process that began it has ended";
    }

    private void commit(Branch b, Memory m, Set<PactumXid> resolved, Tally t, Runnable committedMessage) {
        try {
            b.resource().commit(b.xid(), false);
            t.committed++;
            committedMessage.run();
            resolved.add(b.xid());
            memory.remove(b.xid());
            return;
        } catch (XAException | RuntimeException e) {
            XaVerdict v = XaErrors.classify(XaPhase.RECOMMIT, e);
            if (v == XaVerdict.OK) {
                t.alreadyCommitted++;
                Message.RECOVERY_ALREADY_DONE.log(b.xid(), b.resourceName());
                resolved.add(b.xid());
                memory.remove(b.xid());
            } else if (v.isHeuristic()) {
                t.heuristic++;
                Heuristics.settle(b, v, true, ctx, e);
                if (b.status() != BranchStatus.IN_DOUBT) {
                    resolved.add(b.xid());
                    memory.remove(b.xid());
                }
            } else {
                failed(b, m, "commit", e, t);
            }
        }
    }

    /** Rolls back a branch; once it is gone it joins {@code resolved}. */
    private void rollback(Branch b, Memory m, String reason, Set<PactumXid> resolved, Tally t) {
        try {
            b.resource().rollback(b.xid());
        } catch (XAException | RuntimeException e) {
            XaVerdict v = XaErrors.classify(XaPhase.ROLLBACK, e);
            if (v.isHeuristic()) {
                t.heuristic++;
                Heuristics.settle(b, v, false, ctx, e);
                memory.remove(b.xid());
            } else if (v != XaVerdict.OK) {
                failed(b, m, "roll back", e, t);
            } else {
                memory.remove(b.xid()); // XAER_NOTA or XA_RB*: already gone
                resolved.add(b.xid());
            }
            return;
        }
        t.rolledBack++;
        resolved.add(b.xid());
        Message.RECOVERY_ROLLED_BACK.log(b.xid(), b.resourceName(), m.firstSeen, reason);
        memory.remove(b.xid());
    }

    private void failed(Branch b, Memory m, String action, Exception e, Tally t) {
        t.failed++;
        m.failures++;
        long factor = 1L << Math.min(m.failures - 1, 20);
        Duration pause = backoff.multipliedBy(factor);
        if (pause.compareTo(MAX_BACKOFF) > 0) {
            pause = MAX_BACKOFF;
        }
        m.notBefore = ctx.clock().instant().plus(pause);
        if (Integer.bitCount(m.failures) == 1) { // the 1st, 2nd, 4th, 8th... failure
            Message.RECOVERY_ACTION_FAILED.log(e, action, b.xid(), b.resourceName(),
                    XaErrors.name(XaErrors.codeOf(e)), pause.toSeconds());
        }
    }

    /** Forgets decisions whose every branch is committed or gone from a resource that answered. */
    private void finishDecisions(Collection<CommitDecision> decisions, Map<String, Listing> listings,
            Set<PactumXid> resolved, Tally t) throws LogException {
        for (CommitDecision d : decisions) {
            if (inFlight.test(d.globalId())) {
                continue;
            }
            boolean done = true;
            for (BranchRecord b : d.branches()) {
                done &= isFinished(d, b, listings.get(b.resourceName()), resolved, t);
            }
            if (done) {
                log.writeDone(d.globalId());
                t.decisionsFinished++;
                Message.RECOVERY_DECISION_DONE.log(d.globalId());
            }
        }
    }

    private boolean isFinished(CommitDecision d, BranchRecord b, Listing listing, Set<PactumXid> resolved, Tally t) {
        if (resolved.contains(b.xid())) {
            return true;
        }
        if (listing == null) {
            if (reported.add("unknown:" + d.globalId() + ":" + b.resourceName())) {
                Message.RECOVERY_UNKNOWN_RESOURCE.log(d.globalId(), b.resourceName());
            }
            return false;
        }
        if (!listing.ok() || listing.xids().contains(b.xid())) {
            return false;
        }
        // Committed before the crash, or ended by hand: either way it is no longer there to commit.
        if (reported.add("gone:" + b.xid())) {
            t.alreadyCommitted++;
            Message.RECOVERY_ALREADY_DONE.log(b.xid(), b.resourceName());
        }
        return true;
    }

    private void forgetUnseen(Map<String, Listing> listings) {
        Set<PactumXid> seen = new HashSet<>();
        Set<String> failed = new HashSet<>();
        for (Listing l : listings.values()) {
            seen.addAll(l.xids());
            if (!l.ok()) {
                failed.add(l.resource().name());
            }
        }
        if (failed.isEmpty()) {
            memory.keySet().retainAll(seen);
        }
    }

    private static void close(Listing l) {
        if (l.session() != null) {
            try {
                l.session().close();
            } catch (Exception ignored) {
                // the scan is over; a connection that fails to close is dropped
            }
        }
    }

    private static final class Tally {
        int committed;
        int alreadyCommitted;
        int rolledBack;
        int heuristic;
        int failed;
        int decisionsFinished;
        int failedResources;
        int waiting;

        ScanReport report() {
            return new ScanReport(committed, alreadyCommitted, rolledBack, heuristic, failed, decisionsFinished,
                    failedResources, waiting);
        }
    }
}
