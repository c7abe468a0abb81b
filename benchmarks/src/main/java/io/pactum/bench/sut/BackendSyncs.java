package io.pactum.bench.sut;

import io.pactum.bench.SyncTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Counts the syncs PostgreSQL makes for pactum-pg, in two ways. The precise one: strace attached,
 * for the measured period, to the server backends of our own connections (found by their
 * application name), which flush their commits' WAL themselves under synchronous_commit = on.
 * The server-wide one: pg_stat_wal.wal_sync, which also counts every other client's syncs and is
 * published up to a second late; reported beside it with the other clients that were active.
 */
final class BackendSyncs implements SystemUnderTest.SyncCounter {
    private final DataSource dataSource;
    private final String application;
    private List<Long> pids;
    private Process strace;
    private Path trace;
    private long walBefore;
    private long othersBefore;
    private long startMicros;

    BackendSyncs(DataSource dataSource, String application) {
        this.dataSource = dataSource;
        this.application = application;
    }

    @Override
    public void start() throws Exception {
        pids = ourBackends();
        trace = Files.createTempFile("pactum-bench-pg-", ".strace");
        List<String> cmd = new ArrayList<>(List.of("strace", "-qq", "-ttt", "-e", "trace=" + SyncTrace.CALLS, "-o",
                trace.toString()));
        for (long pid : pids) {
            cmd.add("-p");
            cmd.add(Long.toString(pid));
        }
        strace = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Thread.sleep(200); // attaching takes a moment; only what follows is counted
        walBefore = walSyncs();
        othersBefore = otherActiveSessions();
        startMicros = nowMicros();
    }

    @Override
    public SystemUnderTest.Counted stop() throws Exception {
        long endMicros = nowMicros();
        long walDelta = walSyncs() - walBefore;
        long othersAfter = otherActiveSessions();
        strace.destroy(); // SIGTERM: strace detaches and flushes its output
        strace.waitFor(10, TimeUnit.SECONDS);
        SyncTrace.Counts ours = SyncTrace.count(trace, startMicros, endMicros);
        Files.deleteIfExists(trace);
        return new SystemUnderTest.Counted(ours.total(), "strace of our PostgreSQL backends " + pids + ": " + ours
                + "; server-wide pg_stat_wal.wal_sync delta " + walDelta + " (other active client sessions at start/end: "
                + othersBefore + "/" + othersAfter + ")");
    }

    private static long nowMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private List<Long> ourBackends() throws SQLException {
        List<Long> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE application_name = '" + application
                        + "' AND pid <> pg_backend_pid()")) {
            while (r.next()) {
                found.add(r.getLong(1));
            }
        }
        return found;
    }

    private long walSyncs() throws SQLException {
        return single("SELECT wal_sync FROM pg_stat_wal");
    }

    private long otherActiveSessions() throws SQLException {
        return single("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND state <> 'idle' "
                + "AND application_name <> '" + application + "'");
    }

    private long single(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
