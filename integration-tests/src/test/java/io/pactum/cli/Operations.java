package io.pactum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactum.cli.xid.RawXid;
import io.pactum.cli.xid.XidText;
import io.pactum.it.Databases;
import io.pactum.jdbc.dialect.Dialects;
import io.pactum.log.BranchRecord;
import io.pactum.log.CommitDecision;
import io.pactum.log.HeuristicOutcome;
import io.pactum.log.HeuristicRecord;
import io.pactum.log.file.FileJournal;
import io.pactum.xid.GlobalId;
import io.pactum.xid.PactumXid;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The world of a CLI test: a node with a file journal and a config file naming two data
 * sources, "pg" (PostgreSQL) and "my" (MariaDB), and branches prepared by hand in them, as a
 * crashed application leaves them. Every branch it prepares is rolled back on close, whatever
 * the test did; node id and table are fresh, so other users of the servers are not touched.
 */
final class Operations implements AutoCloseable {
    static final String PG = "pg";
    static final String MY = "my";
    /** Long ago: the process that began such a transaction has ended. */
    static final Instant OLD_EPOCH = Instant.now().minusSeconds(3600);

    final String node = "cli-" + UUID.randomUUID().toString().substring(0, 8);
    final String table = "cli_" + UUID.randomUUID().toString().substring(0, 8);
    final Path dir;
    final Path logDir;
    final Path config;
    final Path audit;
    private final DataSource pgPlain = Databases.postgres();
    private final DataSource myPlain = Databases.mysql();
    private final XADataSource pgXa = Dialects.forUrl(Databases.PG_URL).xaDataSource(Databases.PG_URL,
            Databases.PG_USER, Databases.PG_PASSWORD);
    private final XADataSource myXa = Dialects.forUrl(Databases.MYSQL_URL).xaDataSource(Databases.MYSQL_URL,
            Databases.MYSQL_USER, Databases.MYSQL_PASSWORD);
    private final List<Prepared> prepared = new ArrayList<>();
    private long sequence;

    Operations(Path dir) throws Exception {
        this(dir, "");
    }

    /** @param extraConfig more lines for the config file */
    Operations(Path dir, String extraConfig) throws Exception {
        this.dir = dir;
        this.logDir = dir.resolve("log");
        this.config = dir.resolve("pactum.properties");
        this.audit = dir.resolve("audit.log");
        FileJournal.open(logDir, node, FileJournal.DEFAULT_SEGMENT_SIZE).close(); // the application's first start
        writeConfig("log.directory = log\n" + extraConfig);
        for (DataSource ds : List.of(pgPlain, myPlain)) {
            execute(ds, "CREATE TABLE " + table + " (id bigint PRIMARY KEY)");
        }
    }

    void writeConfig(String logLines) throws IOException {
        Files.writeString(config, "node.id = " + node + "\n" + logLines + "\n"
                + "resource.pg.url = " + Databases.PG_URL + "\n"
                + "resource.pg.user = " + Databases.PG_USER + "\n"
                + "resource.pg.password = " + Databases.PG_PASSWORD + "\n"
                + "resource.my.url = " + Databases.MYSQL_URL + "\n"
                + "resource.my.user = " + Databases.MYSQL_USER + "\n"
                + "resource.my.password = " + Databases.MYSQL_PASSWORD + "\n"
                + "recovery.interval = 1s\n"
                + "recovery.orphan-safety-interval = 0s\n"
                + "audit.file = audit.log\n");
    }

    /** A new transaction of this node, begun by a process that started at {@code epoch}. */
    GlobalId transaction(Instant epoch) {
        return transaction(node, epoch);
    }

    GlobalId transaction(String ofNode, Instant epoch) {
        String text = ofNode + ":" + Long.toHexString(epoch.toEpochMilli()) + ":" + (++sequence);
        return XidText.parse(text).globalId().orElseThrow();
    }

    static PactumXid branch(GlobalId g, int number) {
        return new PactumXid(g, number);
    }

    /** A branch of another transaction manager. */
    Xid foreignXid() {
        return new RawXid(0x1234, ("other-tm-" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII), new byte[] {1});
    }

    /**
     * Inserts row {@code id} in a branch of its own and prepares it, then drops the connection,
     * as a crashed application does.
     */
    void prepare(String resource, Xid xid, long id) throws Exception {
        XAConnection c = xa(resource).getXAConnection();
        try {
            XAResource r = c.getXAResource();
            r.start(xid, XAResource.TMNOFLAGS);
            try (Statement s = c.getConnection().createStatement()) {
                s.execute("INSERT INTO " + table + " VALUES (" + id + ")");
            }
            r.end(xid, XAResource.TMSUCCESS);
            r.prepare(xid);
            prepared.add(new Prepared(resource, xid));
        } finally {
            c.close();
        }
    }

    /** Writes a commit decision into the journal, as the application did before phase 2. */
    void decide(GlobalId g, Map<PactumXid, String> branches) throws Exception {
        List<BranchRecord> records = branches.entrySet().stream()
                .map(e -> new BranchRecord(e.getKey(), e.getValue())).sorted((a, b) -> a.xid().branchNumber()
                        - b.xid().branchNumber()).toList();
        try (FileJournal j = FileJournal.open(logDir, node, FileJournal.DEFAULT_SEGMENT_SIZE)) {
            j.writeDecision(new CommitDecision(g, records, Instant.now().plusSeconds(60), Instant.now().minusSeconds(75)));
        }
    }

    /** Writes a heuristic outcome into the journal, as the application does when a database decided on its own. */
    void heuristic(PactumXid xid, String resource, HeuristicOutcome outcome) throws Exception {
        try (FileJournal j = FileJournal.open(logDir, node, FileJournal.DEFAULT_SEGMENT_SIZE)) {
            j.writeHeuristic(new HeuristicRecord(new BranchRecord(xid, resource), outcome, true, Instant.now()));
        }
    }

    /** Whether the row a branch inserted is visible, i.e. the branch committed. */
    boolean committed(String resource, long id) throws SQLException {
        try (Connection c = plain(resource).getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM " + table + " WHERE id = " + id)) {
            r.next();
            return r.getLong(1) == 1;
        }
    }

    /** The branches this test prepared that a database still holds. */
    List<String> stillPrepared() throws Exception {
        List<String> left = new ArrayList<>();
        for (String resource : List.of(PG, MY)) {
            XAConnection c = xa(resource).getXAConnection();
            try {
                for (Xid x : c.getXAResource().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)) {
                    if (prepared.stream().anyMatch(p -> p.resource().equals(resource) && XidText.same(p.xid(), x))) {
                        left.add(resource + " " + XidText.format(x));
                    }
                }
            } finally {
                c.close();
            }
        }
        return left;
    }

    /** A branch this test prepared. */
    private record Prepared(String resource, Xid xid) {
    }

    /** A command's exit code and what it printed. */
    record Result(int code, String out, String err) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + out + "\nstderr: " + err, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Runs {@code pactum ARGS --config <this config>} in this JVM. */
    Result pactum(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add(1, "--config");
        all.add(2, config.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.standard().run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The row of {@code pactum list --json} for this branch on this resource. */
    JsonNode listed(Result list, Xid xid, String resource) {
        for (JsonNode b : list.json().get("branches")) {
            if (b.get("xid").asText().equals(XidText.format(xid)) && b.get("resource").asText().equals(resource)) {
                return b;
            }
        }
        throw new AssertionError(XidText.format(xid) + " on " + resource + " is not listed:\n" + list);
    }

    List<String> auditLines() throws IOException {
        return Files.exists(audit) ? Files.readAllLines(audit) : List.of();
    }

    private XADataSource xa(String resource) {
        return resource.equals(PG) ? pgXa : myXa;
    }

    private DataSource plain(String resource) {
        return resource.equals(PG) ? pgPlain : myPlain;
    }

    private static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            for (Prepared p : prepared) {
                XAConnection c = xa(p.resource()).getXAConnection();
                try {
                    c.getXAResource().rollback(p.xid());
                } catch (XAException e) {
                    // finished by the test already
                } finally {
                    c.close();
                }
            }
        } finally {
            execute(pgPlain, "DROP TABLE IF EXISTS " + table);
            execute(myPlain, "DROP TABLE IF EXISTS " + table);
        }
    }
}
