package io.pactum.cli.demo;

/**
 * Where the crash scene's child process stops: right after the first branch committed in
 * phase 2, so that one database has the transfer and the other still holds it in doubt. The
 * decision is in the log by then; only recovery can finish the transfer.
 */
final class CrashPoint {
    /** The child's exit status when it halted where it should. */
    static final int HALTED = 70;

    private final boolean armed;
    private final Narrator narrator;

    CrashPoint(boolean armed, Narrator narrator) {
        this.armed = armed;
        this.narrator = narrator;
    }

    void afterCommit(String resource) {
        if (!armed) {
            return;
        }
        narrator.blank();
        narrator.say("*** CRASH: the process halts now (Runtime.halt: no shutdown hooks, no clean-up), after " + resource
                + " committed and before the other database heard the decision. ***");
        narrator.flush();
        Runtime.getRuntime().halt(HALTED);
    }
}
