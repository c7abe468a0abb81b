package io.pactum.xa;

import static javax.transaction.xa.XAException.*;

import javax.transaction.xa.XAException;

/**
 * The one place where XA error codes get their meaning. Every phase asks
 * {@link #classify(XaPhase, int)}; no phase keeps a switch of its own.
 *
 * <p>Driver facts folded in here: MariaDB Connector/J throws error code 0 ({@code XA_OK}) for
 * errors it does not map, and a code nobody defined is treated like {@code XAER_RMERR}.
 */
public final class XaErrors {
    private static final int XA_OK = javax.transaction.xa.XAResource.XA_OK;

    private XaErrors() {
    }

    /** The error code a failure stands for, after the driver quirks above. */
    public static int codeOf(Throwable failure) {
        if (!(failure instanceof XAException xa)) {
            return XAER_RMFAIL; // a driver's runtime exception: the resource is in an unknown state
        }
        int code = xa.errorCode;
        if (code == XA_OK) {
            return XAER_RMFAIL;
        }
        return isKnown(code) ? code : XAER_RMERR;
    }

    public static XaVerdict classify(XaPhase phase, Throwable failure) {
        return classify(phase, codeOf(failure));
    }

    public static XaVerdict classify(XaPhase phase, int errorCode) {
        int code = errorCode == XA_OK ? XAER_RMFAIL : isKnown(errorCode) ? errorCode : XAER_RMERR;
        if (isRollback(code)) {
            return switch (phase) {
                case COMMIT, RECOMMIT -> XaVerdict.HEURISTIC_ROLLBACK; // a prepared branch was rolled back
                case ROLLBACK -> XaVerdict.OK;
                case FORGET, RECOVER -> XaVerdict.FAILED;
                // START and END: marked rollback-only; PREPARE and one-phase COMMIT: rolled back.
                default -> XaVerdict.ROLLED_BACK;
            };
        }
        XaVerdict heuristic = heuristic(phase, code);
        if (heuristic != null) {
            return heuristic;
        }
        return switch (phase) {
            // NOTA on TMJOIN or TMRESUME: the resource manager lost the branch and its work.
            case START -> code == XAER_NOTA ? XaVerdict.ROLLED_BACK : XaVerdict.FAILED;
            case END -> code == XAER_NOTA ? XaVerdict.ROLLED_BACK : XaVerdict.FAILED;
            case PREPARE -> code == XAER_NOTA ? XaVerdict.ROLLED_BACK : XaVerdict.FAILED;
            case COMMIT_ONE_PHASE -> onePhase(code);
            case COMMIT -> phaseTwo(code, XaVerdict.HEURISTIC_HAZARD);
            case RECOMMIT -> phaseTwo(code, XaVerdict.OK);
            case ROLLBACK -> phaseTwo(code, XaVerdict.OK);
            case FORGET -> code == XAER_NOTA ? XaVerdict.OK : retryOr(code, XaVerdict.FAILED);
            case RECOVER -> retryOr(code, XaVerdict.FAILED);
        };
    }

    private static XaVerdict heuristic(XaPhase phase, int code) {
        if (phase == XaPhase.START || phase == XaPhase.END || phase == XaPhase.FORGET || phase == XaPhase.RECOVER) {
            return null;
        }
        return switch (code) {
            case XA_HEURCOM -> XaVerdict.HEURISTIC_COMMIT;
            case XA_HEURRB -> XaVerdict.HEURISTIC_ROLLBACK;
            case XA_HEURMIX -> XaVerdict.HEURISTIC_MIXED;
            case XA_HEURHAZ -> XaVerdict.HEURISTIC_HAZARD;
            default -> null;
        };
    }

    /** One-phase commit: nothing is logged, so a lost answer is a hazard the application must hear of. */
    private static XaVerdict onePhase(int code) {
        return switch (code) {
            case XA_RETRY -> XaVerdict.RETRY;
            case XAER_NOTA -> XaVerdict.ROLLED_BACK;
            case XAER_RMFAIL, XAER_RMERR -> XaVerdict.HEURISTIC_HAZARD;
            default -> XaVerdict.FAILED;
        };
    }

    /**
     * Phase 2 of a logged decision. Lost connections are retried and then left to recovery, which
     * still holds the decision. pgjdbc reports some connection losses as {@code XAER_RMERR}, so
     * that is retried too rather than taken for a rollback.
     */
    private static XaVerdict phaseTwo(int code, XaVerdict whenUnknownBranch) {
        return switch (code) {
            case XAER_NOTA -> whenUnknownBranch;
            case XA_RETRY, XAER_RMFAIL, XAER_RMERR -> XaVerdict.RETRY;
            default -> XaVerdict.FAILED;
        };
    }

    /** Forget and recover change nothing, so any failure that may pass is worth another try. */
    private static XaVerdict retryOr(int code, XaVerdict otherwise) {
        return code == XAER_RMFAIL || code == XAER_RMERR || code == XA_RETRY ? XaVerdict.RETRY : otherwise;
    }

    /** Whether the resource manager itself reported a heuristic decision (and expects forget). */
    public static boolean isHeuristic(int code) {
        return code == XA_HEURCOM || code == XA_HEURRB || code == XA_HEURMIX || code == XA_HEURHAZ;
    }

    public static boolean isRollback(int code) {
        return code >= XA_RBBASE && code <= XA_RBEND;
    }

    private static boolean isKnown(int code) {
        return isRollback(code) || (code >= XAER_OUTSIDE && code <= XA_NOMIGRATE && code != -1 && code != 1 && code != 2);
    }

    /** A readable name for a code, for messages. */
    public static String name(int code) {
        return switch (code) {
            case XA_RBROLLBACK -> "XA_RBROLLBACK";
            case XA_RBCOMMFAIL -> "XA_RBCOMMFAIL";
            case XA_RBDEADLOCK -> "XA_RBDEADLOCK";
            case XA_RBINTEGRITY -> "XA_RBINTEGRITY";
            case XA_RBOTHER -> "XA_RBOTHER";
            case XA_RBPROTO -> "XA_RBPROTO";
            case XA_RBTIMEOUT -> "XA_RBTIMEOUT";
            case XA_RBTRANSIENT -> "XA_RBTRANSIENT";
            case XA_NOMIGRATE -> "XA_NOMIGRATE";
            case XA_HEURHAZ -> "XA_HEURHAZ";
            case XA_HEURCOM -> "XA_HEURCOM";
            case XA_HEURRB -> "XA_HEURRB";
            case XA_HEURMIX -> "XA_HEURMIX";
            case XA_RETRY -> "XA_RETRY";
            case XA_RDONLY -> "XA_RDONLY";
            case XA_OK -> "XA_OK";
            case XAER_ASYNC -> "XAER_ASYNC";
            case XAER_RMERR -> "XAER_RMERR";
            case XAER_NOTA -> "XAER_NOTA";
            case XAER_INVAL -> "XAER_INVAL";
            case XAER_PROTO -> "XAER_PROTO";
            case XAER_RMFAIL -> "XAER_RMFAIL";
            case XAER_DUPID -> "XAER_DUPID";
            case XAER_OUTSIDE -> "XAER_OUTSIDE";
            default -> "code " + code;
        };
    }
}
