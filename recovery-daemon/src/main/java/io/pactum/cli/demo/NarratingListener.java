package io.pactum.cli.demo;

import io.pactum.event.RollbackReason;
import io.pactum.event.TransactionListener;
import io.pactum.log.HeuristicOutcome;
import io.pactum.xid.GlobalId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Tells what the transaction manager itself does: begin, the votes, the logged decision, the end. */
final class NarratingListener implements TransactionListener {
    private final Narrator narrator;
    private final Path logDirectory;

    NarratingListener(Narrator narrator, Path logDirectory) {
        this.narrator = narrator;
        this.logDirectory = logDirectory;
    }

    @Override
    public void begun(GlobalId id) {
        narrator.step("begin: Pactum starts transaction " + id + " (node : process : number)");
        narrator.note("each database will work on a branch of it, named by an XID: this id and a branch number #1, #2");
    }

    @Override
    public void prepared(GlobalId id, int branches) {
        narrator.note("all " + branches + " branches voted yes");
    }

    @Override
    public void decided(GlobalId id) {
        narrator.step("decision: COMMIT. Pactum writes it to its log and forces it to disk (fsync) before any "
                + "database commits:");
        narrator.note(currentJournalFile().map(Path::toString).orElse(logDirectory.toString()));
        narrator.note("from here on the transfer happens whatever crashes: recovery would finish it");
        narrator.step("commit, phase 2: every database hears the decision");
    }

    @Override
    public void committed(GlobalId id, long elapsedNanos) {
        narrator.step(String.format("done: committed in %.1f ms; the log marks the transaction done, so recovery "
                + "has nothing left to do for it", elapsedNanos / 1e6));
    }

    @Override
    public void rolledBack(GlobalId id, RollbackReason reason) {
        narrator.step("rolled back (" + reason.name().toLowerCase().replace('_', ' ') + "): neither database keeps "
                + "any of the transfer");
    }

    @Override
    public void heuristic(GlobalId id, String resourceName, HeuristicOutcome outcome) {
        narrator.note(resourceName + " decided on its own: " + outcome);
    }

    @Override
    public void endedMixed(GlobalId id) {
        narrator.step("ended mixed: a database decided otherwise; see `pactum` recovery messages");
    }

    @Override
    public void timedOut(GlobalId id) {
        narrator.note("the transaction passed its timeout; it will be rolled back");
    }

    /** The journal segment being written: the newest {@code journal-*.log}. */
    private Optional<Path> currentJournalFile() {
        try (Stream<Path> files = Files.list(logDirectory)) {
            return files.filter(p -> p.getFileName().toString().matches("journal-[0-9a-f]+\\.log"))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
