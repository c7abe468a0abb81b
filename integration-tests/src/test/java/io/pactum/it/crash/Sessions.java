package io.pactum.it.crash;

import io.pactum.it.Databases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sql.XAConnection;

/**
 * The server sessions of the child's XA connections, so that a database can be "lost" under
 * them: every session is ended from another connection ({@code pg_terminate_backend},
 * {@code KILL}), which the driver sees exactly as it sees a server restart. Only this JVM's
 * sessions end, so other users of the shared test servers are not disturbed.
 *
 * <p>With {@code -Dpactum.crash.restartPostgres=true} a PostgreSQL outage is a real restart of
 * the local cluster ({@code pg_ctlcluster --skip-systemctl-redirect VERSION main restart}, as
 * root; the newest installed version), which also ends every other session on that server; with
 * {@code =VERSION/CLUSTER}, of that cluster (point {@code PACTUM_PG_URL} at it).
 */
final class Sessions {
    static final String RESTART_POSTGRES = "pactum.crash.restartPostgres";

    private final Map<Db, Set<Long>> ids = new ConcurrentHashMap<>();

    /** Remembers the session of a new XA connection, asking before the pool or a branch uses it. */
    void remember(Db db, XAConnection xa) throws SQLException {
        try (Connection c = xa.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(db.sessionIdQuery())) {
            rs.next();
            ids.computeIfAbsent(db, d -> ConcurrentHashMap.newKeySet()).add(rs.getLong(1));
        }
    }

    void endAll(Db db) {
        try {
            String restart = System.getProperty(RESTART_POSTGRES, canRestartLocalPostgres() ? "true" : "false");
            if (db == Db.POSTGRESQL && !restart.equals("false")) {
                restartPostgres(restart);
                return;
            }
            try (Connection c = db.plain().getConnection(); Statement s = c.createStatement()) {
                for (long id : ids.getOrDefault(db, Set.of())) {
                    kill(s, db, id);
                }
            }
            System.out.println("OUTAGE ended the sessions " + ids.get(db) + " on " + db);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not end the sessions on " + db, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting " + db, e);
        }
    }

    private static void kill(Statement s, Db db, long id) {
        try {
            s.execute(db.killSession(id));
        } catch (SQLException gone) {
            // MariaDB: "Unknown thread id" for a session the pool closed already
        }
    }

    /** @param cluster "true" (the newest installed version's main cluster) or "VERSION/CLUSTER" */
    private static void restartPostgres(String cluster) throws IOException, InterruptedException {
        String[] versionAndName = cluster.equals("true") ? new String[] {newestVersion(), "main"} : cluster.split("/");
        Process p = new ProcessBuilder(List.of("pg_ctlcluster", "--skip-systemctl-redirect", versionAndName[0],
                versionAndName[1], "restart")).inheritIO().start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("pg_ctlcluster restart of " + cluster + " failed");
        }
        System.out.println("OUTAGE restarted PostgreSQL " + String.join("/", versionAndName));
    }

    /**
     * A real restart is the default where it is possible: as root, with the Debian cluster tools,
     * against the local server (CI, and the machines scripts/databases.sh set up). Elsewhere the
     * outage ends the test's own sessions.
     */
    private static boolean canRestartLocalPostgres() {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean tools = Files.isExecutable(Path.of("/usr/bin/pg_ctlcluster")) && Files.isDirectory(Path.of("/etc/postgresql"));
        boolean local = Databases.PG_URL.startsWith("jdbc:postgresql://127.0.0.1:5432/")
                || Databases.PG_URL.startsWith("jdbc:postgresql://localhost:5432/");
        return root && tools && local;
    }

    private static String newestVersion() throws IOException {
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.map(p -> p.getFileName().toString()).max(Comparator.comparingInt(Integer::parseInt))
                    .orElseThrow();
        }
    }
}
