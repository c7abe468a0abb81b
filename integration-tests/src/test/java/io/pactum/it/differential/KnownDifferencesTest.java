package io.pactum.it.differential;

import static io.pactum.it.differential.Expect.narayana;
import static io.pactum.it.differential.Expect.pactum;
import static io.pactum.it.differential.OnePhaseScenarios.onePhase;
import static io.pactum.it.differential.Steps.awaitTimeout;
import static io.pactum.it.differential.Steps.begin;
import static io.pactum.it.differential.Steps.commit;
import static io.pactum.it.differential.Steps.commitOnAnotherThread;
import static io.pactum.it.differential.Steps.commitTransaction;
import static io.pactum.it.differential.Steps.delist;
import static io.pactum.it.differential.Steps.enlist;
import static io.pactum.it.differential.Steps.registerSynchronization;
import static io.pactum.it.differential.Steps.resume;
import static io.pactum.it.differential.Steps.rollback;
import static io.pactum.it.differential.Steps.setTransactionTimeout;
import static io.pactum.it.differential.Steps.status;
import static io.pactum.it.differential.Steps.suspend;
import static io.pactum.it.differential.TwoPhaseScenarios.threeResources;
import static io.pactum.it.differential.TwoPhaseScenarios.twoResources;
import static javax.transaction.xa.XAException.XAER_INVAL;
import static javax.transaction.xa.XAException.XAER_NOTA;
import static javax.transaction.xa.XAException.XAER_PROTO;
import static javax.transaction.xa.XAException.XAER_RMERR;
import static javax.transaction.xa.XAException.XAER_RMFAIL;
import static javax.transaction.xa.XAException.XA_HEURCOM;
import static javax.transaction.xa.XAException.XA_HEURHAZ;
import static javax.transaction.xa.XAException.XA_HEURMIX;
import static javax.transaction.xa.XAException.XA_HEURRB;
import static javax.transaction.xa.XAException.XA_RBROLLBACK;
import static javax.transaction.xa.XAException.XA_RETRY;
import static javax.transaction.xa.XAResource.TMFAIL;
import static javax.transaction.xa.XAResource.TMSUCCESS;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.pactum.testing.ScriptedResource.Call;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scenarios where Pactum deliberately ends otherwise than Narayana 7.3.3. Each test asserts
 * both behaviours, so a change on either side shows up here; its name says what differs and
 * its comment why Pactum does what it does.
 */
class KnownDifferencesTest {
    private static final NarayanaTm NARAYANA = new NarayanaTm();

    static Both run(Scenario scenario) {
        return Both.run(scenario, NARAYANA);
    }

    @Nested
    class OnePhaseCommit {
        // XA_RETRY asks the TM to call commit again; the branch is intact. Narayana reports a
        // rollback but never rolls the branch back: it stays open in the database until its own
        // timeout, holding its locks. Pactum retries and commits.
        @Test
        void xaRetry_narayanaReportsRollbackAndLeavesTheBranchOpen_pactumRetriesAndCommits() {
            Both b = run(onePhase("1PC XA_RETRY").resource("A", r -> r.fail(Call.COMMIT, XA_RETRY)));
            narayana(b).did("commit -> RollbackException").ended("ROLLEDBACK").left("{A=[IDLE]}");
            pactum(b).did("commit -> ok").ended("COMMITTED").left("{A=[COMMITTED]}")
                    .called("A.commit(1pc)", "A.commit(1pc)");
        }

        // A driver's RuntimeException says nothing about whether the commit happened. Narayana
        // tells the application it committed; Pactum says the outcome is unknown (a hazard).
        @Test
        void runtimeException_narayanaReportsCommitted_pactumReportsHeuristicMixed() {
            Both b = run(onePhase("1PC runtime exception")
                    .resource("A", r -> r.throwOn(Call.COMMIT, new IllegalStateException("driver bug"))));
            narayana(b).did("commit -> ok").ended("COMMITTED").left("{A=[IDLE]}");
            pactum(b).did("commit -> HeuristicMixedException").ended("UNKNOWN").left("{A=[IDLE]}");
        }

        // The XA spec lets XAER_RMERR on commit mean "rolled back", and Narayana trusts that.
        // pgjdbc reports a lost connection as XAER_RMERR, when the commit may well have happened;
        // a protocol error says nothing about the branch either. Nothing was logged for a
        // one-phase commit, so Pactum reports the honest "unknown" instead of a rollback that
        // may be false.
        @ParameterizedTest(name = "{0}")
        @MethodSource("io.pactum.it.differential.KnownDifferencesTest#rmErrAndProto")
        void rmErrOrProto_narayanaReportsRollback_pactumReportsUnknownOutcome(String code, int errorCode) {
            Both b = run(onePhase("1PC " + code).resource("A", r -> r.fail(Call.COMMIT, errorCode)));
            narayana(b).did("commit -> RollbackException").ended("ROLLEDBACK").left("{A=[IDLE]}");
            pactum(b).did("commit -> HeuristicMixedException").ended("UNKNOWN").left("{A=[IDLE]}");
        }

        // At the first (and only) commit call, a resource manager that does not know the branch
        // can only have rolled it back on its own (its timeout, a lost session): it cannot have
        // committed what it was never asked to commit. Narayana reports a heuristic mix and a
        // COMMITTED status; Pactum reports the rollback that happened.
        @Test
        void xaerNota_narayanaReportsHeuristicMixed_pactumReportsRollback() {
            Both b = run(onePhase("1PC XAER_NOTA").resource("A", r -> r.fail(Call.COMMIT, XAER_NOTA)));
            narayana(b).did("commit -> HeuristicMixedException").ended("COMMITTED").left("{A=[IDLE]}");
            pactum(b).did("commit -> RollbackException").ended("ROLLEDBACK").left("{A=[IDLE]}");
        }

        // The resource manager rolled back on its own and said so. Both report the rollback;
        // Pactum uses the exception the JTA spec names for it, so the application and operator
        // can tell a heuristic decision (logged as PACTUM-3003) from an ordinary rollback.
        @Test
        void heuristicRollback_narayanaThrowsRollbackException_pactumHeuristicRollbackException() {
            Both b = run(onePhase("1PC XA_HEURRB").resource("A", r -> r.fail(Call.COMMIT, XA_HEURRB)));
            narayana(b).did("commit -> RollbackException").ended("ROLLEDBACK").left("{A=[FORGOTTEN]}");
            pactum(b).did("commit -> HeuristicRollbackException").ended("ROLLEDBACK").left("{A=[FORGOTTEN]}");
        }
    }

    static Stream<Arguments> rmErrAndProto() {
        return Stream.of(arguments("XAER_RMERR", XAER_RMERR), arguments("XAER_PROTO", XAER_PROTO));
    }

    @Nested
    class PhaseTwo {
        // A transient failure in phase 2 or in a rollback: Narayana gives up at once and leaves
        // the branch to a recovery manager (prepared or still open, holding locks until then);
        // Pactum retries a few times and usually finishes the branch now.
        @ParameterizedTest(name = "{0}")
        @MethodSource("io.pactum.it.differential.KnownDifferencesTest#curedByARetry")
        void transientFailure_narayanaLeavesTheBranch_pactumRetriesAndFinishesIt(Scenario s, String step, String status,
                String narayanaOutcomes, String pactumOutcomes) {
            Both b = run(s);
            narayana(b).did(step).ended(status).left(narayanaOutcomes);
            pactum(b).did(step).ended(status).left(pactumOutcomes);
        }

        // pgjdbc reports a lost connection as XAER_RMERR, and XAER_PROTO says nothing about the
        // branch. The commit decision is in Pactum's log, so the branch is not lost: Pactum
        // retries (RMERR), then leaves it prepared for recovery, and commit returns normally as
        // it does for XAER_RMFAIL. Narayana throws HeuristicMixedException for a transaction
        // that recovery would still commit.
        @ParameterizedTest(name = "{0}")
        @MethodSource("io.pactum.it.differential.KnownDifferencesTest#phaseTwoErrors")
        void phaseTwoError_narayanaReportsHeuristicMixed_pactumRetriesOrLeavesItToRecovery(Scenario s,
                String pactumOutcomes) {
            Both b = run(s);
            narayana(b).did("commit -> HeuristicMixedException").ended("COMMITTED")
                    .left("{A=[COMMITTED], B=[PREPARED]}");
            pactum(b).did("commit -> ok").ended("COMMITTED").left(pactumOutcomes);
        }

        // The first phase-2 commit answers XA_HEURRB. Narayana then rolls the other branch back
        // and throws RollbackException while its status says COMMITTED. Pactum keeps to the commit
        // decision it logged, which is also what recovery would do after a crash at this point,
        // and reports the truth: a heuristic mix.
        @Test
        void heuristicRollbackOnTheFirstCommit_narayanaRollsTheRestBack_pactumKeepsTheLoggedDecision() {
            Both b = run(twoResources("XA_HEURRB on the first").resource("A", r -> r.fail(Call.COMMIT, XA_HEURRB)));
            narayana(b).did("commit -> RollbackException").ended("COMMITTED").left("{A=[FORGOTTEN], B=[ROLLED_BACK]}")
                    .called("A.commit(2pc)", "B.rollback()");
            pactum(b).did("commit -> HeuristicMixedException").ended("UNKNOWN").left("{A=[FORGOTTEN], B=[COMMITTED]}")
                    .called("A.commit(2pc)", "B.commit(2pc)");
        }

        // Every branch rolled back heuristically: the JTA spec's HeuristicRollbackException says
        // exactly that, and Pactum's status agrees. Narayana throws RollbackException with status COMMITTED.
        @Test
        void heuristicRollbackOnBoth_narayanaThrowsRollbackException_pactumHeuristicRollbackException() {
            Both b = run(twoResources("XA_HEURRB on both")
                    .resource("A", r -> r.fail(Call.COMMIT, XA_HEURRB)).resource("B", r -> r.fail(Call.COMMIT, XA_HEURRB)));
            narayana(b).did("commit -> RollbackException").ended("COMMITTED").left("{A=[FORGOTTEN], B=[ROLLED_BACK]}");
            pactum(b).did("commit -> HeuristicRollbackException").ended("ROLLEDBACK")
                    .left("{A=[FORGOTTEN], B=[FORGOTTEN]}");
        }
    }

    static Stream<Arguments> curedByARetry() {
        return Stream.of(
                arguments(twoResources("phase-2 commit: XAER_RMFAIL once").resource("B", r -> r.fail(Call.COMMIT, XAER_RMFAIL)),
                        "commit -> ok", "COMMITTED", "{A=[COMMITTED], B=[PREPARED]}", "{A=[COMMITTED], B=[COMMITTED]}"),
                arguments(twoResources("phase-2 commit: XA_RETRY once").resource("A", r -> r.fail(Call.COMMIT, XA_RETRY)),
                        "commit -> ok", "COMMITTED", "{A=[PREPARED], B=[COMMITTED]}", "{A=[COMMITTED], B=[COMMITTED]}"),
                arguments(twoRolledBack("rollback: XAER_RMFAIL once").resource("B", r -> r.fail(Call.ROLLBACK, XAER_RMFAIL)),
                        "rollback -> ok", "ROLLEDBACK", "{A=[ROLLED_BACK], B=[IDLE]}", "{A=[ROLLED_BACK], B=[ROLLED_BACK]}"),
                arguments(twoRolledBack("rollback: XAER_RMERR once").resource("B", r -> r.fail(Call.ROLLBACK, XAER_RMERR)),
                        "rollback -> ok", "ROLLEDBACK", "{A=[ROLLED_BACK], B=[IDLE]}", "{A=[ROLLED_BACK], B=[ROLLED_BACK]}"),
                arguments(twoResources("prepare XAER_RMFAIL, then its rollback XAER_RMFAIL once")
                                .resource("A", r -> r.fail(Call.PREPARE, XAER_RMFAIL).fail(Call.ROLLBACK, XAER_RMFAIL)),
                        "commit -> RollbackException", "ROLLEDBACK", "{A=[IDLE], B=[ROLLED_BACK]}",
                        "{A=[ROLLED_BACK], B=[ROLLED_BACK]}"));
    }

    static Stream<Arguments> phaseTwoErrors() {
        return Stream.of(
                arguments(twoResources("phase-2 commit: XAER_RMERR once").resource("B", r -> r.fail(Call.COMMIT, XAER_RMERR)),
                        "{A=[COMMITTED], B=[COMMITTED]}"),
                arguments(twoResources("phase-2 commit: XAER_RMERR every time").resource("B",
                        r -> r.fail(Call.COMMIT, XAER_RMERR, XAER_RMERR, XAER_RMERR, XAER_RMERR, XAER_RMERR, XAER_RMERR)),
                        "{A=[COMMITTED], B=[PREPARED]}"),
                arguments(twoResources("phase-2 commit: XAER_PROTO").resource("B", r -> r.fail(Call.COMMIT, XAER_PROTO)),
                        "{A=[COMMITTED], B=[PREPARED]}"));
    }

    @Nested
    class Heuristics {
        // Both throw HeuristicMixedException. Narayana's transaction then says COMMITTED, which
        // it is not; Pactum's says UNKNOWN. Narayana leaves the branch heuristic in the resource
        // manager for an operator's tool; Pactum writes the heuristic to its own log first and
        // then lets the resource manager forget it, so no database keeps it forever.
        @ParameterizedTest(name = "{0}")
        @MethodSource("io.pactum.it.differential.KnownDifferencesTest#mixedOutcomes")
        void mixedOutcome_narayanaStatusSaysCommitted_pactumSaysUnknownAndForgetsAfterLogging(Scenario s,
                String narayanaStatus, String narayanaOutcomes, String pactumOutcomes) {
            Both b = run(s);
            narayana(b).did("commit -> HeuristicMixedException").ended(narayanaStatus).left(narayanaOutcomes);
            pactum(b).did("commit -> HeuristicMixedException").ended("UNKNOWN").left(pactumOutcomes);
        }

        // The resource manager did on its own what the transaction decided anyway. Both report
        // success; Pactum lets the resource manager forget the branch at once (nothing to log),
        // Narayana leaves it heuristic in the database.
        @ParameterizedTest(name = "{0}")
        @MethodSource("io.pactum.it.differential.KnownDifferencesTest#agreeingHeuristics")
        void heuristicThatAgrees_bothSucceed_onlyPactumForgetsIt(Scenario s, String step, String status,
                String narayanaOutcomes, String pactumOutcomes) {
            Both b = run(s);
            narayana(b).did(step).ended(status).left(narayanaOutcomes);
            pactum(b).did(step).ended(status).left(pactumOutcomes);
        }

        // The application asked for a rollback and a resource manager committed (or may have).
        // rollback() can only say so with SystemException; Narayana says nothing and reports
        // ROLLEDBACK. Pactum throws, reports UNKNOWN, and logs the heuristic for the operator.
        @ParameterizedTest(name = "{0}")
        @MethodSource("io.pactum.it.differential.KnownDifferencesTest#rollbackMeetsCommit")
        void rollbackMeetsAHeuristicCommit_narayanaIsSilent_pactumThrowsSystemException(Scenario s,
                String narayanaOutcomes, String pactumOutcomes) {
            Both b = run(s);
            narayana(b).did("rollback -> ok").ended("ROLLEDBACK").left(narayanaOutcomes);
            pactum(b).did("rollback -> SystemException").ended("UNKNOWN").left(pactumOutcomes);
        }
    }

    static Stream<Arguments> mixedOutcomes() {
        String committed = "COMMITTED";
        return Stream.of(
                arguments(onePhase("1PC: XAER_RMFAIL").resource("A", r -> r.fail(Call.COMMIT, XAER_RMFAIL)),
                        committed, "{A=[IDLE]}", "{A=[IDLE]}"),
                arguments(onePhase("1PC: XAER_INVAL").resource("A", r -> r.fail(Call.COMMIT, XAER_INVAL)),
                        committed, "{A=[IDLE]}", "{A=[IDLE]}"),
                arguments(onePhase("1PC: XA_HEURMIX").resource("A", r -> r.fail(Call.COMMIT, XA_HEURMIX)),
                        committed, "{A=[HEURISTIC]}", "{A=[FORGOTTEN]}"),
                arguments(onePhase("1PC: XA_HEURHAZ").resource("A", r -> r.fail(Call.COMMIT, XA_HEURHAZ)),
                        committed, "{A=[HEURISTIC]}", "{A=[FORGOTTEN]}"),
                arguments(twoResources("2PC: XA_HEURRB on the second").resource("B", r -> r.fail(Call.COMMIT, XA_HEURRB)),
                        committed, "{A=[COMMITTED], B=[HEURISTIC]}", "{A=[COMMITTED], B=[FORGOTTEN]}"),
                arguments(twoResources("2PC: XA_HEURMIX on the second").resource("B", r -> r.fail(Call.COMMIT, XA_HEURMIX)),
                        committed, "{A=[COMMITTED], B=[HEURISTIC]}", "{A=[COMMITTED], B=[FORGOTTEN]}"),
                arguments(twoResources("2PC: XA_HEURHAZ on the second").resource("B", r -> r.fail(Call.COMMIT, XA_HEURHAZ)),
                        committed, "{A=[COMMITTED], B=[HEURISTIC]}", "{A=[COMMITTED], B=[FORGOTTEN]}"),
                arguments(twoResources("2PC: XA_HEURHAZ on the first").resource("A", r -> r.fail(Call.COMMIT, XA_HEURHAZ)),
                        committed, "{A=[HEURISTIC], B=[COMMITTED]}", "{A=[FORGOTTEN], B=[COMMITTED]}"),
                arguments(twoResources("2PC: XAER_NOTA on the first phase-2 commit")
                                .resource("A", r -> r.fail(Call.COMMIT, XAER_NOTA)),
                        committed, "{A=[PREPARED], B=[COMMITTED]}", "{A=[PREPARED], B=[COMMITTED]}"),
                arguments(twoResources("2PC: a XA_RBROLLBACK vote, then XA_HEURCOM on the other's rollback")
                                .resource("A", r -> r.fail(Call.PREPARE, XA_RBROLLBACK))
                                .resource("B", r -> r.fail(Call.ROLLBACK, XA_HEURCOM)),
                        "ROLLEDBACK", "{A=[ROLLED_BACK], B=[HEURISTIC]}", "{A=[ROLLED_BACK], B=[FORGOTTEN]}"));
    }

    static Stream<Arguments> agreeingHeuristics() {
        return Stream.of(
                arguments(twoResources("phase-2 commit: XA_HEURCOM on the second")
                                .resource("B", r -> r.fail(Call.COMMIT, XA_HEURCOM)),
                        "commit -> ok", "COMMITTED", "{A=[COMMITTED], B=[HEURISTIC]}", "{A=[COMMITTED], B=[FORGOTTEN]}"),
                arguments(twoResources("phase-2 commit: XA_HEURCOM on the first")
                                .resource("A", r -> r.fail(Call.COMMIT, XA_HEURCOM)),
                        "commit -> ok", "COMMITTED", "{A=[HEURISTIC], B=[COMMITTED]}", "{A=[FORGOTTEN], B=[COMMITTED]}"),
                arguments(twoRolledBack("rollback: XA_HEURRB on the first").resource("A", r -> r.fail(Call.ROLLBACK, XA_HEURRB)),
                        "rollback -> ok", "ROLLEDBACK", "{A=[HEURISTIC], B=[ROLLED_BACK]}",
                        "{A=[FORGOTTEN], B=[ROLLED_BACK]}"));
    }

    static Stream<Arguments> rollbackMeetsCommit() {
        return Stream.of(
                arguments(twoRolledBack("rollback: XA_HEURCOM on the first").resource("A", r -> r.fail(Call.ROLLBACK, XA_HEURCOM)),
                        "{A=[HEURISTIC], B=[ROLLED_BACK]}", "{A=[FORGOTTEN], B=[ROLLED_BACK]}"),
                arguments(twoRolledBack("rollback: XA_HEURMIX on the second").resource("B", r -> r.fail(Call.ROLLBACK, XA_HEURMIX)),
                        "{A=[ROLLED_BACK], B=[HEURISTIC]}", "{A=[ROLLED_BACK], B=[FORGOTTEN]}"),
                arguments(twoRolledBack("rollback: XA_HEURHAZ on the second").resource("B", r -> r.fail(Call.ROLLBACK, XA_HEURHAZ)),
                        "{A=[ROLLED_BACK], B=[HEURISTIC]}", "{A=[ROLLED_BACK], B=[FORGOTTEN]}"));
    }

    static Scenario twoRolledBack(String name) {
        return Scenario.named(name).resource("A").resource("B").steps(begin(), enlist("A"), enlist("B"), rollback());
    }

    @Nested
    class Enlistment {
        // delist(TMFAIL) is the application saying that its work on that resource failed.
        // Narayana passes the flag on and commits anyway when the resource still votes yes;
        // Pactum marks the transaction rollback-only, so failed work is never committed.
        @Test
        void delistTmFail_narayanaCommits_pactumRollsBack() {
            Both b = run(Scenario.named("delist TMFAIL, then commit").resource("A").resource("B")
                    .steps(begin(), enlist("A"), enlist("B"), delist("A", TMFAIL), commit()));
            narayana(b).did("delist(A,TMFAIL) -> true", "commit -> ok").ended("COMMITTED")
                    .left("{A=[COMMITTED], B=[COMMITTED]}");
            pactum(b).did("delist(A,TMFAIL) -> true", "commit -> RollbackException").ended("ROLLEDBACK")
                    .left("{A=[ROLLED_BACK], B=[ROLLED_BACK]}");
        }

        // start() failed, so no work of B is in the transaction. Narayana answers false and
        // dooms the whole transaction; Pactum throws SystemException carrying the XA error and
        // leaves the transaction intact, so a connection pool can retry with a fresh connection.
        // (An XA_RB* answer from start does mark Pactum's transaction rollback-only.)
        @Test
        void startFailsWithRmFail_narayanaDoomsTheTransaction_pactumThrowsAndKeepsItUsable() {
            Both b = run(Scenario.named("start XAER_RMFAIL").resource("A").resource("B", r -> r.fail(Call.START, XAER_RMFAIL))
                    .steps(begin(), enlist("A"), enlist("B"), commit()));
            narayana(b).did("enlist(B) -> false", "commit -> RollbackException").ended("ROLLEDBACK")
                    .left("{A=[ROLLED_BACK], B=[]}");
            pactum(b).did("enlist(B) -> SystemException", "commit -> ok").ended("COMMITTED").left("{A=[COMMITTED], B=[]}");
        }

        // Both mark the transaction rollback-only; Pactum says so with the RollbackException the
        // JTA API names for a rollback-only transaction, carrying the XA code, instead of a bare false.
        @Test
        void startFailsWithRollback_narayanaAnswersFalse_pactumThrowsRollbackException() {
            Both b = run(Scenario.named("start XA_RBROLLBACK").resource("A")
                    .resource("B", r -> r.fail(Call.START, XA_RBROLLBACK))
                    .steps(begin(), enlist("A"), enlist("B"), status(), commit()));
            narayana(b).did("enlist(B) -> false", "getStatus -> MARKED_ROLLBACK", "commit -> RollbackException");
            pactum(b).did("enlist(B) -> RollbackException", "getStatus -> MARKED_ROLLBACK", "commit -> RollbackException");
        }

        // A second delist of a resource whose branch is already ended has nothing to do:
        // Pactum answers false, as the JTA API describes; Narayana throws IllegalStateException
        // although the transaction is active.
        @Test
        void delistTwice_narayanaThrowsIllegalState_pactumAnswersFalse() {
            Both b = run(Scenario.named("delist twice").resource("A")
                    .steps(begin(), enlist("A"), delist("A", TMSUCCESS), delist("A", TMSUCCESS), commit()));
            narayana(b).did("delist(A,TMSUCCESS) -> true", "delist(A,TMSUCCESS) -> IllegalStateException", "commit -> ok");
            pactum(b).did("delist(A,TMSUCCESS) -> true", "delist(A,TMSUCCESS) -> false", "commit -> ok");
        }

        // end() fails before a one-phase commit. Both report a rollback, but Narayana never
        // rolls the branch back, leaving it open in the database; Pactum does roll it back.
        @Test
        void endFailsBeforeOnePhaseCommit_narayanaLeavesTheBranchOpen_pactumRollsItBack() {
            Both b = run(onePhase("end XAER_RMFAIL").resource("A", r -> r.fail(Call.END, XAER_RMFAIL)));
            narayana(b).did("commit -> RollbackException").ended("ROLLEDBACK").left("{A=[ACTIVE]}")
                    .neverCalled("A.rollback()");
            pactum(b).did("commit -> RollbackException").ended("ROLLEDBACK").left("{A=[ROLLED_BACK]}");
        }
    }

    @Nested
    class ThreadAssociation {
        // A finished transaction is not something a thread can work in. Narayana lets the
        // thread resume it (and then reports COMMITTED as the thread's status); Pactum refuses
        // with InvalidTransactionException, as the JTA spec allows for an invalid transaction.
        @Test
        void resumeACommittedTransaction_narayanaAccepts_pactumThrowsInvalidTransaction() {
            Both b = run(Scenario.named("resume a committed transaction").resource("A")
                    .steps(begin(), enlist("A"), suspend(), commitOnAnotherThread(), resume(), status()));
            narayana(b).did("resume -> ok", "getStatus -> COMMITTED");
            pactum(b).did("resume -> InvalidTransactionException", "getStatus -> NO_TRANSACTION");
        }

        // The thread's transaction finished without tm.commit()/rollback() (here through the
        // Transaction object; the same happens after the reaper rolled it back). Narayana keeps
        // the thread tied to it and refuses begin() until someone calls commit, rollback or
        // suspend, so a pooled thread stays poisoned; Pactum lets the thread begin anew.
        @Test
        void beginAfterTheTransactionFinished_narayanaRefuses_pactumBegins() {
            Both b = run(Scenario.named("begin after Transaction.commit").resource("A")
                    .steps(begin(), enlist("A"), commitTransaction(), status(), begin(), status(), rollback()));
            narayana(b).did("getStatus -> COMMITTED", "begin -> NotSupportedException", "getStatus -> COMMITTED",
                    "rollback -> IllegalStateException");
            pactum(b).did("getStatus -> COMMITTED", "begin -> ok", "getStatus -> ACTIVE", "rollback -> ok");
        }

        // After the reaper rolled the transaction back, every call that would add work says
        // so in Pactum with RollbackException ("timed out and was rolled back"), the checked
        // exception the caller must handle. Narayana answers IllegalStateException to some
        // (enlist throws its own com.arjuna...RollbackException, which extends
        // IllegalStateException; Transaction.commit) and jakarta RollbackException to others
        // (registerSynchronization, TransactionManager.commit).
        @Test
        void workAfterTimeout_narayanaMixesIllegalStateAndRollback_pactumAlwaysSaysRollback() {
            Both b = run(Scenario.named("work after a timeout").resource("A").resource("B")
                    .steps(setTransactionTimeout(1), begin(), enlist("A"), awaitTimeout(), enlist("B"),
                            registerSynchronization("S1"), commitTransaction(), commit()));
            narayana(b).did("enlist(B) -> IllegalStateException", "registerSynchronization(S1) -> RollbackException",
                    "tx.commit -> IllegalStateException", "commit -> RollbackException").ended("ROLLEDBACK");
            pactum(b).did("enlist(B) -> RollbackException", "registerSynchronization(S1) -> RollbackException",
                    "tx.commit -> RollbackException", "commit -> RollbackException").ended("ROLLEDBACK");
        }

        // A negative timeout is a mistake: Pactum says so with SystemException (the only
        // exception the method declares); Narayana accepts it silently.
        @Test
        void negativeTimeout_narayanaAccepts_pactumThrowsSystemException() {
            Both b = run(Scenario.named("negative timeout").steps(setTransactionTimeout(-1)));
            narayana(b).did("setTransactionTimeout(-1) -> ok");
            pactum(b).did("setTransactionTimeout(-1) -> SystemException");
        }
    }
}
