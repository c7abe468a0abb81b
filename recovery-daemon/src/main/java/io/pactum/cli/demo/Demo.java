package io.pactum.cli.demo;

import io.pactum.recovery.ScanReport;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code pactum demo}: a money transfer between two databases in one XA transaction, told step
 * by step. Every run starts like a real application: the transaction manager opens its log and
 * runs recovery before any new work, then the accounts are reset and the transfer runs.
 */
public final class Demo {
    static final BigDecimal ALICE_OPENS = new BigDecimal("100.00");
    static final BigDecimal BOB_OPENS = new BigDecimal("50.00");

    private final DemoOptions options;
    private final Narrator narrator;
    private final Path dir;

    public Demo(DemoOptions options, PrintStream out) {
        this.options = options;
        this.narrator = new Narrator(out);
        this.dir = options.dir().toAbsolutePath().normalize();
    }

    /**
     * Runs the demo.
     *
     * @return 0 when the transfer ended in both databases as it should
     * @throws Exception when a database or the log failed; the message says what
     */
    public int run() throws Exception {
        try (QuietLogs quiet = QuietLogs.belowWarning()) {
            EmbeddedDerby.logTo(dir);
            if (options.crash()) {
                return new CrashScene(options, dir, this, narrator).run();
            }
            return transfer(new CrashPoint(options.haltInPhase2(), narrator));
        }
    }

    private int transfer(CrashPoint crash) throws Exception {
        if (!options.haltInPhase2()) {
            introduce(); // the crash scene's child: its parent did
        }
        try (Banks banks = open(crash)) {
            recover(banks, "Recovery first, as at every start: do the databases hold branches that an earlier "
                    + "run left in doubt?");
            banks.openAccounts(ALICE_OPENS, BOB_OPENS);
            Banks.Balances before = banks.balances();
            narrator.say("Accounts (reset for this run): " + show(banks, before));
            narrator.blank();
            narrator.say("The transfer of " + Transfer.AMOUNT + " from alice to bob, in one transaction:");
            new Transfer(banks, narrator).run();
            narrator.blank();
            return check(banks, before.alice().subtract(Transfer.AMOUNT), before.bob().add(Transfer.AMOUNT),
                    "The transfer committed in both databases.");
        }
    }

    void introduce() {
        narrator.say("Pactum demo: move " + Transfer.AMOUNT + " from alice at bank-a to bob at bank-b, two databases, "
                + "one XA transaction (two-phase commit).");
        narrator.blank();
        for (BankDatabase db : databases()) {
            narrator.say(String.format("  %-7s %s", db.name(), db.describe()));
        }
        narrator.say(String.format("  %-7s %s", "log", "Pactum's transaction log (file journal) in " + logDirectory()));
        narrator.blank();
    }

    Banks open(CrashPoint crash) {
        narrator.say("Pactum's transaction manager opens its log; each database becomes a PactumDataSource, "
                + "registered for recovery.");
        return Banks.open(logDirectory(), databases(), narrator, crash);
    }

    void recover(Banks banks, String why) {
        narrator.say(why);
        ScanReport r = banks.recover();
        if (r.committed() + r.rolledBack() + r.alreadyCommitted() + r.decisionsFinished() == 0) {
            narrator.note("nothing to finish");
        } else {
            narrator.note("recovery committed " + r.committed() + " branch(es) that the log decided to commit, "
                    + "rolled back " + r.rolledBack() + " that no decision covers, and finished "
                    + r.decisionsFinished() + " decision(s)");
        }
        if (r.failed() + r.failedResources() + r.heuristic() > 0) {
            narrator.note("recovery could not finish everything: " + r);
        }
        narrator.blank();
    }

    /** Compares the balances with what they must be; prints the verdict. */
    int check(Banks banks, BigDecimal alice, BigDecimal bob, String success) throws Exception {
        Banks.Balances now = banks.balances();
        narrator.say("Balances now: " + show(banks, now));
        if (now.alice().compareTo(alice) != 0 || now.bob().compareTo(bob) != 0) {
            narrator.say("FAILED: expected alice " + alice + " and bob " + bob + ".");
            return 1;
        }
        narrator.say(success + " The files are in " + dir + "; run `pactum demo` again, or `pactum demo --crash`.");
        return 0;
    }

    private static String show(Banks banks, Banks.Balances b) {
        return "alice has " + b.alice() + " at " + banks.a.bank() + ", bob has " + b.bob() + " at " + banks.b.bank()
                + "; together " + b.total();
    }

    Path logDirectory() {
        return dir.resolve("log");
    }

    List<BankDatabase> databases() {
        if (options.onServers()) {
            return List.of(BankDatabase.server("bank-a", options.pgUrl(), options.user(), options.password()),
                    BankDatabase.server("bank-b", options.mysqlUrl(), options.user(), options.password()));
        }
        return List.of(BankDatabase.embedded("bank-a", dir.resolve("bank-a")),
                BankDatabase.embedded("bank-b", dir.resolve("bank-b")));
    }
}
