package io.pactum.it.crash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the child JVM does: how many transfers on how many threads, and where it ends abruptly.
 * Transactions are counted by their sequence number, which a fresh transaction manager starts at
 * 1. Passed to the child as {@code key=value} arguments.
 *
 * @param point          where transaction {@code at} halts the JVM; null: run until done or killed
 * @param at             the sequence number of the transaction the plan is about
 * @param outage         a database whose sessions all end just before transaction {@code at} commits
 *                       its branch there (as a restart would), or null
 * @param rollbackByHand a database on which a DBA rolls back transaction {@code at}'s prepared branch
 *                       right after the decision is durable, or null
 * @param sideBySide     whether the transaction manager calls the two branches of a phase side by
 *                       side (its default) rather than one after another, where a point lies
 *                       between the two branches' calls
 * @param anchored       whether PostgreSQL's data source holds the commit decisions (an anchored
 *                       commit: its branch commits in one phase after MariaDB's prepared, and the
 *                       log is not written)
 */
record CrashPlan(CrashPoint point, long at, int threads, int transfers, long seed, Db outage, Db rollbackByHand,
        boolean sideBySide, boolean anchored) {

    static CrashPlan haltAt(CrashPoint point, long at) {
        return new CrashPlan(point, at, 1, (int) at + 5, 1, null, null, false, false);
    }

    static CrashPlan runUntilKilled(int threads, long seed) {
        return new CrashPlan(null, 0, threads, 100_000, seed, null, null, true, false);
    }

    CrashPlan withThreads(int threads, long seed) {
        return new CrashPlan(point, at, threads, Math.max(transfers, (int) at * threads + 10), seed, outage,
                rollbackByHand, sideBySide, anchored);
    }

    CrashPlan withOutage(Db db) {
        return new CrashPlan(point, at, threads, transfers, seed, db, rollbackByHand, sideBySide, anchored);
    }

    CrashPlan withRollbackByHand(Db db) {
        return new CrashPlan(point, at, threads, transfers, seed, outage, db, sideBySide, anchored);
    }

    CrashPlan sideBySide(boolean on) {
        return new CrashPlan(point, at, threads, transfers, seed, outage, rollbackByHand, on, anchored);
    }

    CrashPlan anchored(boolean on) {
        return new CrashPlan(point, at, threads, transfers, seed, outage, rollbackByHand, sideBySide, on);
    }

    boolean isAbout(long sequence) {
        return sequence == at;
    }

    List<String> toArgs() {
        List<String> args = new ArrayList<>();
        args.add("point=" + (point == null ? "none" : point.name()));
        args.add("at=" + at);
        args.add("threads=" + threads);
        args.add("transfers=" + transfers);
        args.add("seed=" + seed);
        args.add("outage=" + (outage == null ? "none" : outage.name()));
        args.add("rollbackByHand=" + (rollbackByHand == null ? "none" : rollbackByHand.name()));
        args.add("sideBySide=" + sideBySide);
        args.add("anchored=" + anchored);
        return args;
    }

    static CrashPlan parse(Map<String, String> args) {
        return new CrashPlan(optional(CrashPoint.class, args.get("point")), Long.parseLong(args.get("at")),
                Integer.parseInt(args.get("threads")), Integer.parseInt(args.get("transfers")),
                Long.parseLong(args.get("seed")), optional(Db.class, args.get("outage")),
                optional(Db.class, args.get("rollbackByHand")), Boolean.parseBoolean(args.get("sideBySide")),
                Boolean.parseBoolean(args.get("anchored")));
    }

    private static <E extends Enum<E>> E optional(Class<E> type, String value) {
        return value == null || value.equals("none") ? null : Enum.valueOf(type, value);
    }

    /** {@code key=value} arguments as a map. */
    static Map<String, String> arguments(String[] args) {
        Map<String, String> map = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("not key=value: " + a);
            }
            map.put(a.substring(0, eq), a.substring(eq + 1));
        }
        return map;
    }

    @Override
    public String toString() {
        String where = point == null ? "until killed" : point + " of transaction " + at;
        return threads + " thread(s), " + where + (outage == null ? "" : ", " + outage + " lost in phase 2")
                + (rollbackByHand == null ? "" : ", " + rollbackByHand + " rolled back by hand")
                + ", seed " + seed;
    }
}
