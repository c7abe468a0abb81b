package io.pactum.it.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.cli.demo.Demo;
import io.pactum.cli.demo.DemoOptions;
import io.pactum.it.Databases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pactum demo --pg URL --mysql URL}: the same transfer on the real PostgreSQL and MariaDB
 * servers, and the crash scene, whose halted child leaves a branch prepared on a server until
 * recovery commits it. Each test has its own log directory, so its own node id: other users of
 * the servers' branches are left alone.
 */
class DemoOnServersTest {
    @TempDir
    Path dir;

    @Test
    void theTransferCommitsOnPostgresAndMariaDbAndASecondRunWorks() throws Exception {
        for (int run = 1; run <= 2; run++) {
            String out = demo();
            assertThat(out).containsSubsequence("bank-a  PostgreSQL server", "bank-b  MySQL server",
                    "bank-a  xa_prepare(#1)             -> XA_OK", "bank-b  xa_prepare(#2)             -> XA_OK",
                    "decision: COMMIT", "bank-a  xa_commit(#1)", "bank-b  xa_commit(#2)", "done: committed",
                    "alice has 75.00 at bank-a, bob has 75.00 at bank-b; together 150.00");
            assertBalances();
        }
    }

    @Test
    void theCrashScenesRecoveryCommitsTheBranchMariaDbKeptInDoubt() throws Exception {
        String out = demo("--crash");

        assertThat(out).containsSubsequence("  |       bank-a  xa_commit(#1)", "  | *** CRASH",
                "The child is gone (exit status 70)", "bank-b  xa_commit(#2)", "recovery committed 1 branch(es)");
        assertBalances();
    }

    private String demo(String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("--dir", dir.toString(), "--pg", Databases.PG_URL, "--mysql",
                Databases.MYSQL_URL, "--user", Databases.PG_USER, "--password", Databases.PG_PASSWORD));
        args.addAll(List.of(more));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new Demo(DemoOptions.parse(args), new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out).isZero();
        return out;
    }

    /** Read behind the demo's back, on plain connections. */
    private static void assertBalances() throws Exception {
        assertThat(balance(Databases.postgres(), "alice")).isEqualByComparingTo("75.00");
        assertThat(balance(Databases.mysql(), "bob")).isEqualByComparingTo("75.00");
    }

    private static BigDecimal balance(DataSource ds, String owner) throws Exception {
        try (Connection c = ds.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT balance FROM pactum_demo_account WHERE owner = ?")) {
            q.setString(1, owner);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as("an account of " + owner).isTrue();
                return rs.getBigDecimal(1);
            }
        }
    }
}
