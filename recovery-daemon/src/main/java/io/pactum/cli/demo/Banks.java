package io.pactum.cli.demo;

import io.pactum.Pactum;
import io.pactum.jdbc.PactumDataSource;
import io.pactum.recovery.ScanReport;
import io.pactum.tx.PactumTransactionManager;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's world while it runs: Pactum's transaction manager on its log directory, and the two
 * banks as Pactum data sources whose XA calls are narrated. Closing it closes the data sources,
 * the transaction manager and (embedded) the databases.
 */
final class Banks implements AutoCloseable {
    static final String ALICE = "alice";
    static final String BOB = "bob";

    final PactumTransactionManager tm;
    final Accounts a;
    final Accounts b;
    private final List<PactumDataSource> dataSources = new ArrayList<>();
    private final List<BankDatabase> databases;
    private final Narrator narrator;

    /** Balances at one moment. */
    record Balances(BigDecimal alice, BigDecimal bob) {
        BigDecimal total() {
            return alice.add(bob);
        }
    }

    private Banks(PactumTransactionManager tm, List<BankDatabase> databases, Narrator narrator, CrashPoint crash) {
        this.tm = tm;
        this.databases = databases;
        this.narrator = narrator;
        try {
            a = new Accounts(databases.get(0).name(), dataSource(databases.get(0), crash));
            b = new Accounts(databases.get(1).name(), dataSource(databases.get(1), crash));
        } catch (RuntimeException e) {
            dataSources.forEach(PactumDataSource::close);
            throw e;
        }
    }

    /**
     * Opens the log and the data sources. Recovery runs only when {@link #recover()} is called,
     * so that its calls appear in the story where they belong.
     */
    static Banks open(Path logDirectory, List<BankDatabase> databases, Narrator narrator, CrashPoint crash) {
        PactumTransactionManager tm = Pactum.builder()
                .logDirectory(logDirectory)
                .recovery(false)
                // Only this process uses the log directory (its lock says so), so a branch of ours
                // that no decision covers cannot belong to a transaction still running elsewhere.
                .orphanSafetyInterval(Duration.ZERO)
                // one branch after another, so that the story tells each call in its place
                .parallelPhases(0)
                .listener(new NarratingListener(narrator, logDirectory))
                .build();
        narrator.self(tm.nodeId());
        try {
            return new Banks(tm, databases, narrator, crash);
        } catch (RuntimeException e) {
            tm.close();
            databases.forEach(Banks::shutdownQuietly);
            throw e;
        }
    }

    private PactumDataSource dataSource(BankDatabase db, CrashPoint crash) {
        PactumDataSource ds;
        try {
            ds = PactumDataSource.builder(tm)
                    .name(db.name())
                    .xaDataSource(new NarratingXADataSource(db.xaDataSource(), db.name(), narrator, crash))
                    .dialect(db.dialect())
                    .maxPoolSize(2)
                    .build();
        } catch (IllegalStateException e) {
            throw unreachable(db, e);
        }
        dataSources.add(ds);
        return ds;
    }

    /** Names the database by what the user gave, not by the demo's XA data source class. */
    private static IllegalStateException unreachable(BankDatabase db, IllegalStateException e) {
        if (!(e.getCause() instanceof SQLException cause)) {
            return e; // the server answered, and the message says what it lacks
        }
        return new IllegalStateException(db.name() + " (" + db.describe() + ") cannot be reached: " + cause.getMessage()
                + " Check that the server runs and that the URL, user and password are right.", e);
    }

    /**
     * One recovery pass, and a second when the first saw branches without a decision: those are
     * rolled back only when seen twice (presumed abort).
     */
    ScanReport recover() {
        ScanReport r = tm.recoverNow();
        return r.waiting() > 0 ? tm.recoverNow() : r;
    }

    void openAccounts(BigDecimal alice, BigDecimal bob) throws SQLException {
        a.createTable();
        b.createTable();
        a.open(ALICE, alice);
        b.open(BOB, bob);
    }

    Balances balances() throws SQLException {
        return new Balances(a.balance(ALICE), b.balance(BOB));
    }

    private static void shutdownQuietly(BankDatabase db) {
        try {
            db.shutdown();
        } catch (RuntimeException e) {
            // the failure that stopped the start is the one to report
        }
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (PactumDataSource ds : dataSources) {
            ds.close();
        }
        tm.close();
        for (BankDatabase db : databases) {
            try {
                db.shutdown();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
