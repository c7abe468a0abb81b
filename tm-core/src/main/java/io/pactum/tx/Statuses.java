package io.pactum.tx;

import jakarta.transaction.Status;

/** Readable names of {@link Status} values, for messages. */
public final class Statuses {
    private Statuses() {
    }

    public static String name(int status) {
        return switch (status) {
            case Status.STATUS_ACTIVE -> "active";
            case Status.STATUS_MARKED_ROLLBACK -> "marked rollback-only";
            case Status.STATUS_PREPARED -> "prepared";
            case Status.STATUS_COMMITTED -> "committed";
            case Status.STATUS_ROLLEDBACK -> "rolled back";
            case Status.STATUS_UNKNOWN -> "in an unknown (heuristic) state";
            case Status.STATUS_NO_TRANSACTION -> "no transaction";
            case Status.STATUS_PREPARING -> "preparing";
            case Status.STATUS_COMMITTING -> "committing";
            case Status.STATUS_ROLLING_BACK -> "rolling back";
            default -> "status " + status;
        };
    }
}
