package io.pactum.cli.demo;

import io.pactum.log.BranchRecord;
import io.pactum.log.CommitDecision;
import io.pactum.log.file.FileJournal;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code pactum demo --crash}: a child JVM runs the transfer and halts right after the first
 * database committed in phase 2. Then this process starts the way a restarted application would,
 * and its recovery reads the decision from the log and commits the branch the other database
 * still holds in doubt.
 */
final class CrashScene {
    private final DemoOptions options;
    private final Path dir;
    private final Demo demo;
    private final Narrator narrator;

    CrashScene(DemoOptions options, Path dir, Demo demo, Narrator narrator) {
        this.options = options;
        this.dir = dir;
        this.demo = demo;
        this.narrator = narrator;
    }

    int run() throws Exception {
        demo.introduce();
        narrator.say("The crash scene. A child process runs the transfer and halts in the middle of phase 2:");
        narrator.blank();
        int status = runChild();
        narrator.blank();
        if (status != CrashPoint.HALTED) {
            narrator.say("FAILED: the child process ended with status " + status + " instead of halting in phase 2 "
                    + "(status " + CrashPoint.HALTED + ").");
            return 1;
        }
        narrator.say("The child is gone (exit status " + status + "). What it left behind:");
        tellLog();
        narrator.blank();
        narrator.say("A new process starts, as a restarted application would.");
        try (Banks banks = demo.open(new CrashPoint(false, narrator))) {
            demo.recover(banks, "Recovery runs before any new work: it asks every database for its prepared "
                    + "branches and the log for its decisions:");
            return demo.check(banks, Demo.ALICE_OPENS.subtract(Transfer.AMOUNT), Demo.BOB_OPENS.add(Transfer.AMOUNT),
                    "The transfer is complete in both databases, although the process died in the middle of it.");
        }
    }

    /** Runs the child with this process's Java and class path, showing its output as it comes. */
    private int runChild() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.pactum.cli.Main");
        command.addAll(options.childArgs());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (options.password() != null) {
            pb.environment().put(DemoOptions.PASSWORD_VARIABLE, options.password());
        }
        Process child = pb.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                narrator.say("  | " + line);
            }
        }
        return child.waitFor();
    }

    /** The log's pending decisions, read without opening the log for writing. */
    private void tellLog() throws Exception {
        List<CommitDecision> pending = FileJournal.inspect(demo.logDirectory(), (file, entry) -> {
        }).pending();
        if (pending.isEmpty()) {
            narrator.note("Pactum's log holds no decision without \"done\"");
        }
        for (CommitDecision d : pending) {
            narrator.note("Pactum's log holds a COMMIT decision without \"done\" for transaction " + d.globalId()
                    + ", branches " + d.branches().stream().map(CrashScene::describe).collect(Collectors.joining(", ")));
        }
        narrator.note("one database committed its branch; the other holds its branch prepared, its rows locked");
    }

    private static String describe(BranchRecord b) {
        return b.resourceName() + " #" + b.xid().branchNumber();
    }
}
