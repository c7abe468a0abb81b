package io.pactum.recovery;

import static javax.transaction.xa.XAResource.TMNOFLAGS;
import static javax.transaction.xa.XAResource.TMSUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.event.Listeners;
import io.pactum.log.BranchRecord;
import io.pactum.log.CommitDecision;
import io.pactum.log.HeuristicOutcome;
import io.pactum.log.TransactionLog;
import io.pactum.testing.ScriptedAnchor;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.ScriptedResource.Call;
import io.pactum.testing.ScriptedResource.Outcome;
import io.pactum.testing.Trace;
import io.pactum.testing.TracingLog;
import io.pactum.twopc.PhaseContext;
import io.pactum.xid.GlobalId;
import io.pactum.xid.NodeId;
import io.pactum.xid.PactumXid;
import io.pactum.xid.XidFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/** What one recovery scan does with the branches it finds, against scripted resource managers. */
class RecovererTest {
    private static final NodeId NODE = new NodeId("node-a");
    private static final Duration SAFETY = Duration.ofSeconds(60);

    private final Trace trace = new Trace();
    private final TracingLog log = new TracingLog(trace);
    private final ScriptedResource a = new ScriptedResource("A", trace);
    private final ScriptedResource b = new ScriptedResource("B", trace);
    private final List<RecoverableResource> registered = new ArrayList<>(
            List.of(RecoverableResource.of("A", a), RecoverableResource.of("B", b)));
    private final Set<GlobalId> inFlight = new HashSet<>();
    private final MutableClock clock = new MutableClock();
    private final XidFactory current = new XidFactory(NODE, 2_000);
    private final XidFactory previousProcess = new XidFactory(NODE, 1_000);
    private final Recoverer recoverer = new Recoverer(log, () -> registered, NODE, Set.of(NODE, new NodeId("node-b")),
            current.epoch(), inFlight::contains, SAFETY, Duration.ofSeconds(10),
            new PhaseContext(log, new Listeners(List.of()), 0, Duration.ZERO, clock));

    /** Leaves a prepared branch on the resource, as a crashed coordinator would. */
    private static PactumXid prepared(ScriptedResource r, GlobalId id, int branch) throws XAException {
        PactumXid xid = new PactumXid(id, branch);
        r.start(xid, TMNOFLAGS);
        r.end(xid, TMSUCCESS);
        r.prepare(xid);
        return xid;
    }

    private void decide(GlobalId id) throws Exception {
        log.writeDecision(new CommitDecision(id, List.of(new BranchRecord(new PactumXid(id, 1), "A"),
                new BranchRecord(new PactumXid(id, 2), "B")), Instant.EPOCH, Instant.EPOCH));
    }

    @Test
    void commitsTheBranchesOfALoggedDecisionAndThenForgetsIt() throws Exception {
        GlobalId id = previousProcess.newGlobalId();
        prepared(a, id, 1);
        prepared(b, id, 2);
        decide(id);
        trace.clear();

        ScanReport r = recoverer.scan();

        assertThat(r.committed()).isEqualTo(2);
        assertThat(r.decisionsFinished()).isEqualTo(1);
        assertThat(trace.events()).containsSubsequence("A.recover(TMSTARTRSCAN)", "B.recover(TMSTARTRSCAN)",
                "A.commit(1,2pc)", "B.commit(2,2pc)", "log.done");
        assertThat(a.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(b.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(log.pendingDecisions()).isEmpty();
    }

    @Test
    void aBranchCommittedBeforeTheCrashIsNotListedAndTheDecisionStillFinishes() throws Exception {
        GlobalId id = previousProcess.newGlobalId();
        prepared(b, id, 2); // A committed before the crash: its resource no longer lists it
        decide(id);

        ScanReport r = recoverer.scan();

        assertThat(r.committed()).isEqualTo(1);
        assertThat(r.alreadyCommitted()).as("A, gone from its resource, is reported").isEqualTo(1);
        assertThat(r.decisionsFinished()).isEqualTo(1);
    }

    @Test
    void aBranchTheResourceNoLongerKnowsCountsAsAlreadyCommitted() throws Exception {
        GlobalId id = previousProcess.newGlobalId();
        prepared(a, id, 1);
        prepared(b, id, 2);
        decide(id);
        b.fail(Call.COMMIT, XAException.XAER_NOTA);

        ScanReport r = recoverer.scan();

        assertThat(r.committed()).isEqualTo(1);
        assertThat(r.alreadyCommitted()).isEqualTo(1);
        assertThat(r.decisionsFinished()).isEqualTo(1);
    }

    @Test
    void anOrphanIsRolledBackOnlyWhenSeenInTwoScansTheSafetyIntervalApart() throws Exception {
        PactumXid orphan = prepared(a, previousProcess.newGlobalId(), 1);

        assertThat(recoverer.scan().waiting()).isEqualTo(1);
        clock.advance(SAFETY.minusSeconds(1));
        assertThat(recoverer.scan().waiting()).isEqualTo(1);
        assertThat(a.outcomes()).containsEntry(orphan, Outcome.PREPARED);

        clock.advance(Duration.ofSeconds(1));
        ScanReport r = recoverer.scan();

        assertThat(r.rolledBack()).isEqualTo(1);
        assertThat(a.outcomes()).containsEntry(orphan, Outcome.ROLLED_BACK);
    }

    @Test
    void aBranchWhoseTransactionIsInFlightHereIsNeverTouched() throws Exception {
        GlobalId id = current.newGlobalId();
        PactumXid xid = prepared(a, id, 1);
        inFlight.add(id);
        decide(id);

        recoverer.scan();
        clock.advance(SAFETY.multipliedBy(3));
        ScanReport r = recoverer.scan();

        assertThat(r.waiting()).isEqualTo(1);
        assertThat(a.outcomes()).containsEntry(xid, Outcome.PREPARED);
        assertThat(log.pendingDecisions()).hasSize(1);
    }

    @Test
    void foreignXidsAndOtherNodesAreNeverTouched() throws Exception {
        PactumXid stranger = prepared(a, new XidFactory(new NodeId("node-z"), 1).newGlobalId(), 1);
        javax.transaction.xa.Xid foreign = new javax.transaction.xa.Xid() {
            public int getFormatId() {
                return 4711;
            }

            public byte[] getGlobalTransactionId() {
                return new byte[] {1, 2, 3};
            }

            public byte[] getBranchQualifier() {
                return new byte[] {4};
            }
        };
        a.start(foreign, TMNOFLAGS);
        a.end(foreign, TMSUCCESS);
        a.prepare(foreign);

        recoverer.scan();
        clock.advance(SAFETY.multipliedBy(2));
        ScanReport r = recoverer.scan();

        assertThat(r.rolledBack()).isZero();
        assertThat(a.outcomes()).containsEntry(stranger, Outcome.PREPARED).containsEntry(foreign, Outcome.PREPARED);
    }

    @Test
    void aTakenOverNodesOrphansAreRolledBackWhenItsDecisionsAreInSight() throws Exception {
        TransactionLog sharedTable = new ForwardingLog(log) {
            @Override
            public Optional<List<CommitDecision>> pendingDecisionsOf(NodeId node) {
                return Optional.of(List.of()); // a table all nodes share: node-b decided nothing
            }
        };
        Recoverer takeover = new Recoverer(sharedTable, () -> registered, NODE, Set.of(NODE, new NodeId("node-b")),
                current.epoch(), inFlight::contains, SAFETY, Duration.ofSeconds(10),
                new PhaseContext(log, new Listeners(List.of()), 0, Duration.ZERO, clock));
        PactumXid orphan = prepared(a, new XidFactory(new NodeId("node-b"), 5).newGlobalId(), 1);
        takeover.scan();
        clock.advance(SAFETY);
        assertThat(takeover.scan().rolledBack()).isEqualTo(1);
        assertThat(a.outcomes()).containsEntry(orphan, Outcome.ROLLED_BACK);
    }

    @Test
    void aTakenOverNodesBranchIsNeverRolledBackWhenItsDecisionsAreOutOfSight() throws Exception {
        PactumXid branch = prepared(a, new XidFactory(new NodeId("node-b"), 5).newGlobalId(), 1);
        recoverer.scan();
        clock.advance(SAFETY.multipliedBy(3));
        ScanReport r = recoverer.scan();
        assertThat(r.rolledBack()).isZero();
        assertThat(r.waiting()).isEqualTo(1);
        assertThat(a.outcomes()).containsEntry(branch, Outcome.PREPARED);
    }

    /** A log that passes everything on; tests override what they need. */
    private static class ForwardingLog implements TransactionLog {
        private final TransactionLog to;

        ForwardingLog(TransactionLog to) {
            this.to = to;
        }

        public void writeDecision(CommitDecision d) throws io.pactum.log.LogException {
            to.writeDecision(d);
        }

        public void writeDone(GlobalId id) throws io.pactum.log.LogException {
            to.writeDone(id);
        }

        public void writeHeuristic(io.pactum.log.HeuristicRecord h) throws io.pactum.log.LogException {
            to.writeHeuristic(h);
        }

        public void forgetHeuristic(PactumXid xid) throws io.pactum.log.LogException {
            to.forgetHeuristic(xid);
        }

        public List<CommitDecision> pendingDecisions() throws io.pactum.log.LogException {
            return to.pendingDecisions();
        }

        public List<io.pactum.log.HeuristicRecord> heuristics() throws io.pactum.log.LogException {
            return to.heuristics();
        }

        public boolean isDurable() {
            return to.isDurable();
        }

        public void close() {
        }
    }

    @Test
    void noOrphanIsRolledBackOnAResourceWhoseScanFailed() throws Exception {
        PactumXid orphan = prepared(a, previousProcess.newGlobalId(), 1);
        recoverer.scan();
        clock.advance(SAFETY);
        a.fail(Call.RECOVER, XAException.XAER_RMFAIL);

        ScanReport r = recoverer.scan();

        assertThat(r.failedResources()).isEqualTo(1);
        assertThat(r.rolledBack()).isZero();
        assertThat(a.outcomes()).containsEntry(orphan, Outcome.PREPARED);
    }

    @Test
    void aDecisionWithABranchOnAResourceThatFailedToScanStaysInTheLog() throws Exception {
        GlobalId id = previousProcess.newGlobalId();
        prepared(a, id, 1);
        decide(id); // B's branch: B cannot be scanned, so nobody knows whether it is done
        b.fail(Call.RECOVER, XAException.XAER_RMFAIL);

        ScanReport r = recoverer.scan();

        assertThat(r.committed()).isEqualTo(1);
        assertThat(r.decisionsFinished()).isZero();
        assertThat(log.pendingDecisions()).hasSize(1);
    }

    @Test
    void aFailedCommitBacksOffAndIsTriedAgainLater() throws Exception {
        GlobalId id = previousProcess.newGlobalId();
        prepared(a, id, 1);
        prepared(b, id, 2);
        decide(id);
        b.fail(Call.COMMIT, XAException.XAER_RMFAIL);

        assertThat(recoverer.scan().failed()).isEqualTo(1);
        ScanReport soon = recoverer.scan();
        assertThat(soon.failed()).isZero();
        assertThat(soon.waiting()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(10));
        ScanReport later = recoverer.scan();
        assertThat(later.committed()).isEqualTo(1);
        assertThat(later.decisionsFinished()).isEqualTo(1);
    }

    @Test
    void aHeuristicRollbackAtRecoveryIsRecordedThenForgotten() throws Exception {
        GlobalId id = previousProcess.newGlobalId();
        prepared(a, id, 1);
        prepared(b, id, 2);
        decide(id);
        b.fail(Call.COMMIT, XAException.XA_HEURRB);
        trace.clear();

        ScanReport r = recoverer.scan();

        assertThat(r.heuristic()).isEqualTo(1);
        assertThat(trace.events()).containsSubsequence("B.commit(2,2pc)", "log.heuristic(B:2,ROLLED_BACK)",
                "B.forget(2)", "log.done");
        assertThat(log.heuristics()).extracting(h -> h.outcome()).containsExactly(HeuristicOutcome.ROLLED_BACK);
    }

    /** A process that ended, whose gtrids name anchor "Q". */
    private static XidFactory anchoredProcess() {
        XidFactory previous = new XidFactory(NODE, 1_000);
        previous.anchor("Q");
        return previous;
    }

    /** Anchor "Q", registered for recovery. */
    private ScriptedAnchor registeredAnchor() {
        ScriptedAnchor anchor = new ScriptedAnchor(new ScriptedResource("Q", trace), trace);
        registered.add(anchor);
        return anchor;
    }

    private GlobalId anchoredCommit(ScriptedAnchor anchor, XidFactory process) throws XAException {
        GlobalId id = process.newGlobalId();
        PactumXid own = new PactumXid(id, 1);
        anchor.branch().start(own, TMNOFLAGS);
        anchor.branch().recordDecision(id, List.of("A"));
        anchor.branch().end(own, TMSUCCESS);
        anchor.branch().commit(own, true);
        return id;
    }

    @Test
    void anAnchoredBranchIsCommittedWhenItsAnchorHoldsTheDecisionWhichIsThenForgotten() throws Exception {
        ScriptedAnchor anchor = registeredAnchor();
        XidFactory previous = anchoredProcess();
        GlobalId id = anchoredCommit(anchor, previous);
        prepared(a, id, 2); // the crash came before phase 2

        assertThat(recoverer.scan().waiting()).isEqualTo(1);
        assertThat(anchor.durable()).containsKey(id);
        clock.advance(SAFETY);
        ScanReport r = recoverer.scan();

        assertThat(r.committed()).isEqualTo(1);
        assertThat(a.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(trace.events()).containsSubsequence("Q.ask", "A.commit(2,2pc)", "Q.forget1");
        assertThat(anchor.durable()).isEmpty();
        assertThat(trace.events()).noneMatch(e -> e.startsWith("log."));
    }

    @Test
    void anAnchoredOrphanIsRolledBackAfterTheAnchorRefusedItsDecisionForGood() throws Exception {
        ScriptedAnchor anchor = registeredAnchor();
        XidFactory previous = anchoredProcess();
        GlobalId id = previous.newGlobalId();
        prepared(a, id, 2); // the crash came before the anchor committed

        recoverer.scan();
        clock.advance(SAFETY);
        ScanReport r = recoverer.scan();

        assertThat(r.rolledBack()).isEqualTo(1);
        assertThat(trace.events()).containsSubsequence("Q.ask", "A.rollback(2)", "Q.forget1");
        assertThat(anchor.durable()).isEmpty();
    }

    @Test
    void anAnchoredOrphanWhoseAnchorIsNotRegisteredIsNeverRolledBack() throws Exception {
        prepared(a, anchoredProcess().newGlobalId(), 2);

        for (int i = 0; i < 3; i++) {
            clock.advance(SAFETY);
            assertThat(recoverer.scan().waiting()).isEqualTo(1);
        }
        assertThat(a.outcome()).isEqualTo(Outcome.PREPARED);
    }

    @Test
    void aDecisionOfTheAnchorIsKeptWhileABranchOfItIsOnAResourceThatCouldNotBeScanned() throws Exception {
        ScriptedAnchor anchor = registeredAnchor();
        XidFactory previous = anchoredProcess();
        GlobalId id = anchoredCommit(anchor, previous);
        b.fail(Call.RECOVER, XAException.XAER_RMFAIL);

        recoverer.scan();

        assertThat(anchor.durable()).containsKey(id);
        recoverer.scan();
        assertThat(anchor.durable()).isEmpty();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
