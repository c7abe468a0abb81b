package io.pactum.cli.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What {@code pactum demo} was asked to do.
 *
 * @param dir        where the log and the embedded databases live
 * @param crash      show the crash-and-recovery scene instead of a plain transfer
 * @param pgUrl      PostgreSQL for bank-a, or null for embedded Derby
 * @param mysqlUrl   MySQL or MariaDB for bank-b, or null for embedded Derby
 * @param haltInPhase2 internal: this process is the crash scene's child and halts after the first commit
 */
public record DemoOptions(Path dir, boolean crash, String pgUrl, String mysqlUrl, String user, String password,
        boolean haltInPhase2) {

    public static final Path DEFAULT_DIR = Path.of("pactum-demo");
    /** The crash scene's child passes this to itself; not for users. */
    static final String HALT_OPTION = "--halt-in-phase-2";
    /** Where the servers' password may come from instead of --password. */
    public static final String PASSWORD_VARIABLE = "PACTUM_DEMO_PASSWORD";

    public static final String USAGE = """
            usage: pactum demo [--dir DIR] [--crash] [--pg URL --mysql URL [--user USER] [--password PASSWORD]]

            Moves 25.00 from alice's account in one database to bob's account in another, in one
            XA transaction, and tells each step of the two-phase commit on the way.

              --dir DIR       where the demo keeps its files, default ./pactum-demo: Pactum's
                              transaction log and, without --pg/--mysql, two embedded Apache Derby
                              databases. A second run reuses them (balances start over).
              --crash         the crash scene: a child process runs the transfer and halts in the
                              middle of phase 2; then recovery finishes what it left in doubt
              --pg URL        a PostgreSQL server for bank-a instead of embedded Derby,
                              e.g. jdbc:postgresql://127.0.0.1:5432/pactum_it (needs --mysql too;
                              the server needs max_prepared_transactions > 0)
              --mysql URL     a MySQL 8 or MariaDB server for bank-b,
                              e.g. jdbc:mysql://127.0.0.1:3306/pactum_it
              --user USER     the user for both servers (or user=... in each URL)
              --password PW   the password for both servers (or password=... in each URL, or the
                              environment variable PACTUM_DEMO_PASSWORD)

            The demo creates (or reuses) a table pactum_demo_account in each database.""";

    /** Whether the two banks are real servers rather than embedded databases. */
    public boolean onServers() {
        return pgUrl != null;
    }

    /**
     * Reads the command line.
     *
     * @throws IllegalArgumentException when it is wrong; the message says what to change
     */
    public static DemoOptions parse(List<String> args) {
        Path dir = DEFAULT_DIR;
        boolean crash = false;
        boolean halt = false;
        String pg = null;
        String mysql = null;
        String user = null;
        String password = null;
        for (Iterator<String> it = args.iterator(); it.hasNext(); ) {
            String a = it.next();
            switch (a) {
                case "--dir" -> dir = Path.of(value(a, it));
                case "--crash" -> crash = true;
                case "--pg" -> pg = value(a, it);
                case "--mysql" -> mysql = value(a, it);
                case "--user" -> user = value(a, it);
                case "--password" -> password = value(a, it);
                case HALT_OPTION -> halt = true;
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        checkServers(pg, mysql, user, password);
        if (pg != null && password == null) {
            password = System.getenv(PASSWORD_VARIABLE);
        }
        return new DemoOptions(dir, crash, pg, mysql, user, password, halt);
    }

    private static String value(String option, Iterator<String> it) {
        if (!it.hasNext()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        String v = it.next();
        if (v.isBlank() || (v.startsWith("--") && !option.equals("--password"))) {
            throw new IllegalArgumentException(option + " needs a value, not '" + v + "'");
        }
        return v;
    }

    private static void checkServers(String pg, String mysql, String user, String password) {
        if ((pg == null) != (mysql == null)) {
            throw new IllegalArgumentException("give both --pg URL and --mysql URL (the transfer needs two servers), "
                    + "or neither for the embedded databases");
        }
        if (pg == null && (user != null || password != null)) {
            throw new IllegalArgumentException("--user and --password are for the servers of --pg and --mysql; the "
                    + "embedded databases need none");
        }
        if (pg != null && !pg.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--pg takes a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/db), "
                    + "not '" + pg + "'");
        }
        if (mysql != null && !mysql.startsWith("jdbc:mysql:")) {
            throw new IllegalArgumentException("--mysql takes a jdbc:mysql://host:3306/db URL (for MySQL 8 and "
                    + "MariaDB alike), not '" + mysql + "'");
        }
    }

    /**
     * The arguments that make the crash scene's child run the same transfer and halt in phase 2;
     * the password goes to it in {@value #PASSWORD_VARIABLE}, not on its command line.
     */
    List<String> childArgs() {
        List<String> a = new ArrayList<>(List.of("demo", "--dir", dir.toString(), HALT_OPTION));
        if (onServers()) {
            a.addAll(List.of("--pg", pgUrl, "--mysql", mysqlUrl));
            if (user != null) {
                a.addAll(List.of("--user", user));
            }
        }
        return a;
    }
}
