package io.pactum.log.jdbc;

import io.pactum.log.BranchRecord;
import io.pactum.log.CommitDecision;
import io.pactum.log.GroupCommit;
import io.pactum.log.HeuristicOutcome;
import io.pactum.log.HeuristicRecord;
import io.pactum.log.LogException;
import io.pactum.log.TransactionLog;
import io.pactum.xid.GlobalId;
import io.pactum.xid.NodeId;
import io.pactum.xid.PactumXid;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The transaction log in a PostgreSQL table (schema in {@code postgresql.sql} beside this
 * class), for nodes without a durable local disk, and so that another node can finish a crashed
 * node's transactions. Concurrent decisions share one database transaction ({@link GroupCommit});
 * "done" rows are deleted in the next one. The writer's connection runs with
 * {@code synchronous_commit = on} whatever the server's default.
 */
public final class PostgresLog implements TransactionLog {
    private static final Pattern TABLE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final DataSource dataSource;
    private final NodeId node;
    private final String table;
    private final GroupCommit<List<Op>> group;
    private final Statements sql;
    private List<Op> ops = new ArrayList<>(); // guarded by the group commit's lock
    private Connection writer; // owned by the writing thread
    private Connection lockConnection; // holds the node's advisory lock

    /** One change to the table. */
    private record Op(Kind kind, GlobalId id, int branch, CommitDecision decision, HeuristicRecord heuristic) {
    }

    private enum Kind { DECIDE, DONE, HEURISTIC, FORGET }

    private PostgresLog(DataSource dataSource, NodeId node, String table) {
        this.dataSource = dataSource;
        this.node = node;
        this.table = table;
        this.sql = new Statements(table);
        this.group = new GroupCommit<>(new TableWriter(), false, "the transaction log table " + table);
    }

    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** Settings of a {@link PostgresLog}. */
    public static final class Builder {
        private final DataSource dataSource;
        private String nodeId;
        private String table = "pactum_log";
        private boolean createTable = true;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** The node whose decisions this log keeps; required, and the same on every start. */
        public Builder nodeId(String nodeId) {
            this.nodeId = nodeId;
            return this;
        }

        /** The table, optionally schema-qualified. Default {@code pactum_log}. */
        public Builder table(String table) {
            this.table = table;
            return this;
        }

        /** Whether a missing table is created (default) or refused. */
        public Builder createTable(boolean create) {
            this.createTable = create;
            return this;
        }

        /** Checks the database and the table, creating it when allowed. */
        public PostgresLog build() throws LogException {
            if (nodeId == null) {
                throw new IllegalArgumentException("PostgresLog needs the node id: call nodeId(...)");
            }
            if (table == null || !TABLE.matcher(table).matches()) {
                throw new IllegalArgumentException("table name '" + table + "' is not a plain SQL identifier "
                        + "(letters, digits, '_', optionally schema.table)");
            }
            PostgresLog log = new PostgresLog(dataSource, new NodeId(nodeId), table);
            log.prepareTable(createTable);
            log.lockNode();
            return log;
        }
    }

    /**
     * Holds a session-level advisory lock on (table, node) for the life of the log, as the lock
     * file does for a log directory: two processes of one node would each take the other's
     * branches for orphans of a dead process.
     */
    private void lockNode() throws LogException {
        try {
            Connection c = dataSource.getConnection();
            try (PreparedStatement p = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                p.setInt(1, table.hashCode());
                p.setInt(2, node.value().hashCode());
                try (ResultSet r = p.executeQuery()) {
                    if (r.next() && r.getBoolean(1)) {
                        lockConnection = c;
                        return;
                    }
                }
            }
            c.close();
            throw new LogException("node " + node + " already runs in another process using the transaction log table "
                    + table + " (it holds the PostgreSQL advisory lock (" + table.hashCode() + ", "
                    + node.value().hashCode() + "), see pg_locks): stop it, or give this process another node id");
        } catch (SQLException e) {
            throw new LogException("cannot lock node " + node + " in " + table + ": " + e.getMessage(), e);
        }
    }

    private void prepareTable(boolean create) throws LogException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (tableExists(c)) {
                return;
            }
            if (!create) {
                throw new LogException("the transaction log table " + table + " does not exist in "
                        + c.getMetaData().getURL() + ": create it with the SQL in io/pactum/log/jdbc/postgresql.sql "
                        + "(in pactum-tm-core.jar), or let Pactum create it with createTable(true)");
            }
            s.execute(ddl());
        } catch (SQLException e) {
            throw new LogException("cannot prepare the transaction log table " + table + ": " + e.getMessage(), e);
        }
    }

    private boolean tableExists(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            p.setString(1, table);
            try (ResultSet r = p.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    private String ddl() throws LogException {
        try (InputStream in = PostgresLog.class.getResourceAsStream("postgresql.sql")) {
            String text = new String(Objects.requireNonNull(in, "postgresql.sql").readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("pactum_log", table);
        } catch (IOException e) {
            throw new LogException("cannot read the schema postgresql.sql: " + e, e);
        }
    }

    @Override
    public Optional<NodeId> owner() {
        return Optional.of(node);
    }

    @Override
    public void writeDecision(CommitDecision d) throws LogException {
        append(new Op(Kind.DECIDE, d.globalId(), 0, d, null), true);
    }

    @Override
    public void writeDone(GlobalId id) throws LogException {
        append(new Op(Kind.DONE, id, 0, null, null), false);
    }

    @Override
    public void writeHeuristic(HeuristicRecord h) throws LogException {
        PactumXid xid = h.branch().xid();
        append(new Op(Kind.HEURISTIC, xid.globalId(), xid.branchNumber(), null, h), true);
    }

    @Override
    public void forgetHeuristic(PactumXid xid) throws LogException {
        append(new Op(Kind.FORGET, xid.globalId(), xid.branchNumber(), null, null), true);
    }

    private void append(Op op, boolean durable) throws LogException {
        group.append(() -> ops.add(op), durable);
    }

    private final class TableWriter implements GroupCommit.Writer<List<Op>> {
        @Override
        public List<Op> take() {
            List<Op> batch = ops;
            ops = new ArrayList<>();
            return batch;
        }

        @Override
        public void write(List<Op> batch) throws SQLException {
            Connection c = writer();
            try {
                for (int from = 0; from < batch.size(); ) {
                    from = writeRun(c, batch, from);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                discardWriter();
                throw e;
            }
        }

        @Override
        public boolean wantsFlush() {
            return ops.size() >= 256;
        }
    }

    /** Writes the ops of one kind that follow each other as one JDBC batch; returns where the next run starts. */
    private int writeRun(Connection c, List<Op> batch, int from) throws SQLException {
        Kind kind = batch.get(from).kind();
        int to = from;
        try (PreparedStatement p = c.prepareStatement(sql.of(kind))) {
            while (to < batch.size() && batch.get(to).kind() == kind) {
                bind(c, p, batch.get(to++));
                p.addBatch();
            }
            p.executeBatch();
        }
        return to;
    }

    private void bind(Connection c, PreparedStatement p, Op op) throws SQLException {
        p.setString(1, op.id().nodeId().value()); // own node, or one taken over whose decision this finishes
        p.setBytes(2, op.id().toBytes());
        p.setInt(3, op.branch());
        switch (op.kind()) {
            case DECIDE -> {
                p.setArray(4, c.createArrayOf("text", branches(op.decision())));
                p.setTimestamp(5, Timestamp.from(op.decision().deadline()));
                p.setTimestamp(6, Timestamp.from(op.decision().decidedAt()));
            }
            case HEURISTIC -> {
                HeuristicRecord h = op.heuristic();
                p.setArray(4, c.createArrayOf("text", new String[] {h.branch().resourceName()}));
                p.setString(5, h.outcome().name());
                p.setBoolean(6, h.committed());
                p.setTimestamp(7, Timestamp.from(h.at()));
            }
            default -> {
            }
        }
    }

    private static String[] branches(CommitDecision d) {
        return d.branches().stream().map(b -> b.xid().branchNumber() + ":" + b.resourceName()).toArray(String[]::new);
    }

    private Connection writer() throws SQLException {
        if (writer == null) {
            Connection c = dataSource.getConnection();
            try (Statement s = c.createStatement()) {
                s.execute("SET synchronous_commit TO on");
                c.setAutoCommit(false);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            writer = c;
        }
        return writer;
    }

    private void discardWriter() {
        if (writer != null) {
            try {
                writer.rollback();
                writer.close();
            } catch (SQLException ignored) {
                // the connection is being dropped because it failed
            }
            writer = null;
        }
    }

    @Override
    public List<CommitDecision> pendingDecisions() throws LogException {
        return pendingDecisionsOf(node).orElseThrow();
    }

    /** Every node's decisions share the table, so a node that took another over reads them here. */
    @Override
    public Optional<List<CommitDecision>> pendingDecisionsOf(NodeId of) throws LogException {
        List<CommitDecision> result = new ArrayList<>();
        query(sql.pending, of, r -> {
            GlobalId id = gtrid(r.getBytes(1));
            List<BranchRecord> branches = new ArrayList<>();
            for (String b : (String[]) r.getArray(2).getArray()) {
                int colon = b.indexOf(':');
                branches.add(new BranchRecord(new PactumXid(id, Integer.parseInt(b.substring(0, colon))),
                        b.substring(colon + 1)));
            }
            result.add(new CommitDecision(id, branches, r.getTimestamp(3).toInstant(), r.getTimestamp(4).toInstant()));
        });
        return Optional.of(result);
    }

    @Override
    public List<HeuristicRecord> heuristics() throws LogException {
        List<HeuristicRecord> result = new ArrayList<>();
        query(sql.heuristics, node, r -> {
            PactumXid xid = new PactumXid(gtrid(r.getBytes(1)), r.getInt(2));
            String resource = ((String[]) r.getArray(3).getArray())[0];
            result.add(new HeuristicRecord(new BranchRecord(xid, resource), HeuristicOutcome.valueOf(r.getString(4)),
                    r.getBoolean(5), r.getTimestamp(6).toInstant()));
        });
        return result;
    }

    private interface RowReader {
        void read(ResultSet r) throws SQLException, LogException;
    }

    private void query(String statement, NodeId of, RowReader rows) throws LogException {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(statement)) {
            p.setString(1, of.value());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    rows.read(r);
                }
            }
        } catch (SQLException e) {
            throw new LogException("cannot read the transaction log table " + table + ": " + e.getMessage(), e);
        }
    }

    private GlobalId gtrid(byte[] raw) throws LogException {
        return GlobalId.parse(raw).orElseThrow(() -> new LogException("the transaction log table " + table
                + " holds a gtrid Pactum did not write: " + java.util.HexFormat.of().formatHex(raw)));
    }

    @Override
    public boolean isDurable() {
        return true;
    }

    @Override
    public void close() throws LogException {
        try {
            group.close();
        } finally {
            discardWriter();
            try {
                lockConnection.close(); // releases the advisory lock
            } catch (SQLException ignored) {
                // the lock goes with the session anyway
            }
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL table " + table + " (node " + node + ")";
    }

    /** The SQL of each operation. */
    private static final class Statements {
        final String decide;
        final String done;
        final String heuristic;
        final String forget;
        final String pending;
        final String heuristics;

        Statements(String t) {
            decide = "INSERT INTO " + t + " (node_id, gtrid, branch, resources, deadline, recorded_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)";
            done = "DELETE FROM " + t + " WHERE node_id = ? AND gtrid = ? AND branch = ?";
            heuristic = "INSERT INTO " + t + " (node_id, gtrid, branch, resources, outcome, decided_commit, recorded_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (node_id, gtrid, branch) DO UPDATE SET "
                    + "outcome = EXCLUDED.outcome, decided_commit = EXCLUDED.decided_commit, recorded_at = EXCLUDED.recorded_at";
            forget = done;
            pending = "SELECT gtrid, resources, deadline, recorded_at FROM " + t
                    + " WHERE node_id = ? AND branch = 0 ORDER BY recorded_at";
            heuristics = "SELECT gtrid, branch, resources, outcome, decided_commit, recorded_at FROM " + t
                    + " WHERE node_id = ? AND branch > 0 ORDER BY recorded_at";
        }

        String of(Kind kind) {
            return switch (kind) {
                case DECIDE -> decide;
                case DONE -> done;
                case HEURISTIC -> heuristic;
                case FORGET -> forget;
            };
        }
    }
}
