package io.pactum.it.crash;

import io.pactum.Pactum;
import io.pactum.jdbc.PactumDataSource;
import io.pactum.recovery.ScanReport;
import io.pactum.tx.PactumTransactionManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A standalone recovery process of the tests' own, until {@code pactum recover --once} exists: a
 * fresh transaction manager on the crashed child's log directory, with data sources of the same
 * names, scanning twice with no orphan safety interval, so that branches without a decision are
 * rolled back in the second scan. Scans again (at most 8 more, 200 ms apart) while a scan had
 * failures. Prints one {@code SCAN ...} line per scan (see {@link RecoveryRun}); exits 0 when the
 * last scan had no failures, 1 otherwise.
 *
 * <p>Argument: {@code log=DIR}.
 */
public final class RecoveryRunner {
    private RecoveryRunner() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> arguments = CrashPlan.arguments(args);
        ScanReport last;
        try (PactumTransactionManager tm = Pactum.builder().logDirectory(Path.of(arguments.get("log"))).recovery(false)
                .orphanSafetyInterval(Duration.ZERO).recoveryInterval(Duration.ofMillis(200)).build();
             PactumDataSource pg = dataSource(tm, Db.POSTGRESQL);
             PactumDataSource my = dataSource(tm, Db.MARIADB)) {
            last = scan(tm);
            last = scan(tm);
            for (int more = 0; more < 8 && (last.failed() > 0 || last.failedResources() > 0); more++) {
                Thread.sleep(200);
                last = scan(tm);
            }
        }
        System.exit(last.failed() == 0 && last.failedResources() == 0 ? 0 : 1);
    }

    private static PactumDataSource dataSource(PactumTransactionManager tm, Db db) {
        return PactumDataSource.builder(tm).name(db.dataSourceName).url(db.url).user(db.user).password(db.password)
                .build();
    }

    private static ScanReport scan(PactumTransactionManager tm) {
        ScanReport r = tm.recoverNow();
        System.out.println(RecoveryRun.line(r));
        System.out.flush();
        return r;
    }
}
