package io.pactum.cli.demo;

import io.pactum.xid.NodeId;
import io.pactum.xid.PactumXid;
import java.io.PrintStream;
import java.util.Optional;
import javax.transaction.xa.Xid;

/**
 * Tells the demo's story: numbered steps, and under them what each database was asked
 * ({@code xa_prepare}, ...) and answered. Every part of the demo prints through this one object,
 * so that the lines come out in the order things happened.
 */
final class Narrator {
    private final PrintStream out;
    private int step;
    private volatile NodeId self;

    Narrator(PrintStream out) {
        this.out = out;
    }

    /** A numbered step of the transaction. */
    void step(String what) {
        step++;
        out.printf("%2d. %s%n", step, what);
    }

    /** A line under the current step. */
    void note(String line) {
        out.println("    " + line);
    }

    /** A call to one database and its answer, under the current step. */
    void call(String resource, String call, String answer) {
        out.printf("      %-7s %-26s %s%n", resource, call, answer);
    }

    /** A paragraph outside the numbered steps. */
    void say(String line) {
        out.println(line);
    }

    void blank() {
        out.println();
    }

    void flush() {
        out.flush();
    }

    /** Starts the numbering over, for a second transaction in the same story. */
    void restartNumbering() {
        step = 0;
    }

    /** The node this demo's transaction manager runs as: recovery touches only its branches. */
    void self(NodeId node) {
        this.self = node;
    }

    /** {@code #2 of node:epoch:7}, saying whether recovery here may touch it. */
    String branch(Xid xid) {
        Optional<PactumXid> pactum = PactumXid.parse(xid);
        if (pactum.isEmpty()) {
            return "an XID of format " + Integer.toHexString(xid.getFormatId()) + " (not Pactum's: left alone)";
        }
        PactumXid x = pactum.get();
        boolean ours = x.globalId().nodeId().equals(self);
        return "#" + x.branchNumber() + " of " + x.globalId() + (ours ? "" : " (another node's: left alone)");
    }

    /** {@code #2}: short, once the transaction has been named. */
    static String shortBranch(Xid xid) {
        return PactumXid.parse(xid).map(x -> "#" + x.branchNumber()).orElse("(foreign XID)");
    }
}
