package io.pactum.it.crash;

import io.pactum.log.LogException;
import io.pactum.log.file.FileJournal;
import io.pactum.xid.PactumXid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One crash run: its directory (the child's log directory, its outcomes file, the output of both
 * processes), a node id and tables of its own, so that runs and other users of the servers never
 * see each other's rows or branches.
 */
final class CrashSite implements AutoCloseable {
    final Path dir;
    final Path log;
    final String node = "crash-" + UUID.randomUUID().toString().substring(0, 8);
    final Ledger ledger = new Ledger("crash_" + UUID.randomUUID().toString().substring(0, 8));
    /** The table PostgreSQL's data source holds decisions in, when the plan anchors them. */
    final String decisions = "crash_dec_" + UUID.randomUUID().toString().substring(0, 8);
    private final Path outcomes;
    private boolean anchored;

    CrashSite(Path dir) throws IOException, SQLException {
        this.dir = Files.createDirectories(dir);
        this.log = dir.resolve("log");
        this.outcomes = dir.resolve("outcomes.txt");
        ledger.create();
    }

    /** Starts the child JVM with this plan. */
    ChildJvm start(CrashPlan plan) throws IOException {
        List<String> args = new ArrayList<>(List.of("log=" + log, "node=" + node, "table=" + ledger.table,
                "decisions=" + decisions, "outcomes=" + outcomes));
        anchored |= plan.anchored();
        args.addAll(plan.toArgs());
        return ChildJvm.start(CrashingTransfers.class, args, dir.resolve("transfers.out"));
    }

    /** Runs the child JVM with this plan to its end; returns it, ended. */
    ChildJvm run(CrashPlan plan) throws IOException, InterruptedException {
        ChildJvm child = start(plan);
        child.await(Duration.ofSeconds(90));
        return child;
    }

    RecoveryRun recover() throws IOException, InterruptedException {
        return StandaloneRecovery.run(log, dir.resolve("recovery.out"), anchored ? decisions : null);
    }

    /** Whether a plan of this site anchored decisions in PostgreSQL. */
    boolean anchored() {
        return anchored;
    }

    /** The decision rows PostgreSQL holds; 0 when no plan anchored decisions. */
    long decisionRows() throws SQLException {
        return anchored ? Ledger.count(Db.POSTGRESQL, "SELECT count(*) FROM " + decisions) : 0;
    }

    List<PactumXid> prepared(Db db) throws SQLException {
        return Ledger.preparedBranches(db, node);
    }

    /** The log as it is on disk, read without opening it for writing. */
    FileJournal.Inspection journal() throws LogException {
        return FileJournal.inspect(log, (where, entry) -> { });
    }

    /** The transactions whose decision the child saw durable. */
    Set<String> decided() throws IOException {
        return Outcomes.read(outcomes, "decided");
    }

    /** The transactions whose {@code commit()} returned normally in the child. */
    Set<String> committed() throws IOException {
        return Outcomes.read(outcomes, "committed");
    }

    @Override
    public void close() throws SQLException {
        for (Db db : Db.values()) {
            Ledger.rollBackLeftovers(db, node);
        }
        ledger.drop();
        Ledger.execute(Db.POSTGRESQL, "DROP TABLE IF EXISTS " + decisions);
    }

    @Override
    public String toString() {
        return "node " + node + ", tables " + ledger.table + ", files in " + dir;
    }
}
