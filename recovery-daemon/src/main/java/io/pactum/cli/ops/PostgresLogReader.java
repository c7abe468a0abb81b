package io.pactum.cli.ops;

import io.pactum.cli.config.Config;
import io.pactum.log.BranchRecord;
import io.pactum.log.CommitDecision;
import io.pactum.log.HeuristicOutcome;
import io.pactum.log.HeuristicRecord;
import io.pactum.log.LogException;
import io.pactum.log.file.JournalEntry;
import io.pactum.xid.GlobalId;
import io.pactum.xid.NodeId;
import io.pactum.xid.PactumXid;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Reads a node's rows of a {@code PostgresLog} table with plain queries, without the node's
 * advisory lock, and tells from {@code pg_locks} which session holds that lock. Also deletes a
 * heuristic row for {@code pactum forget}: the application only ever inserts those rows, so a
 * delete cannot race with it.
 */
public final class PostgresLogReader {
    private final Config.PostgresLog settings;
    private final NodeId node;

    public PostgresLogReader(Config.PostgresLog settings, NodeId node) {
        this.settings = settings;
        this.node = node;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.url(), settings.user(), settings.password());
    }

    public LogView read() throws LogException {
        return read(java.util.Set.of());
    }

    /**
     * @param takenOver other nodes whose pending decisions to read too: a node taken over
     *                  (recovery.takeover) that logged to this table left its decisions here
     */
    public LogView read(java.util.Set<String> takenOver) throws LogException {
        try (Connection c = connect()) {
            List<LogView.Record> records = new ArrayList<>();
            List<CommitDecision> pending = pending(c, records, takenOver);
            List<HeuristicRecord> heuristics = heuristics(c, records);
            return new LogView(node, settings.describe(), pending, heuristics, records, holder(c));
        } catch (SQLException e) {
            throw new LogException("cannot read the transaction log table " + settings.table() + " at " + settings.url()
                    + ": " + e.getMessage(), e);
        }
    }

    private List<CommitDecision> pending(Connection c, List<LogView.Record> records, java.util.Set<String> takenOver)
            throws SQLException, LogException {
        List<CommitDecision> result = new ArrayList<>();
        List<String> nodes = new ArrayList<>(takenOver);
        nodes.add(0, node.value());
        try (PreparedStatement p = c.prepareStatement("SELECT gtrid, resources, deadline, recorded_at FROM "
                + settings.table() + " WHERE node_id = ANY (?) AND branch = 0 ORDER BY recorded_at")) {
            p.setArray(1, c.createArrayOf("varchar", nodes.toArray()));
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    GlobalId id = gtrid(r.getBytes(1));
                    List<BranchRecord> branches = new ArrayList<>();
                    for (String b : (String[]) r.getArray(2).getArray()) {
                        int colon = b.indexOf(':');
                        branches.add(new BranchRecord(new PactumXid(id, Integer.parseInt(b.substring(0, colon))),
                                b.substring(colon + 1)));
                    }
                    CommitDecision d = new CommitDecision(id, branches, instant(r.getTimestamp(3)), instant(r.getTimestamp(4)));
                    result.add(d);
                    records.add(new LogView.Record(row(id, 0), new JournalEntry.Decided(d)));
                }
            }
        }
        return result;
    }

    private List<HeuristicRecord> heuristics(Connection c, List<LogView.Record> records) throws SQLException, LogException {
        List<HeuristicRecord> result = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT gtrid, branch, resources, outcome, decided_commit, recorded_at"
                + " FROM " + settings.table() + " WHERE node_id = ? AND branch > 0 ORDER BY recorded_at")) {
            p.setString(1, node.value());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    PactumXid xid = new PactumXid(gtrid(r.getBytes(1)), r.getInt(2));
                    String resource = ((String[]) r.getArray(3).getArray())[0];
                    HeuristicRecord h = new HeuristicRecord(new BranchRecord(xid, resource),
                            HeuristicOutcome.valueOf(r.getString(4)), r.getBoolean(5), instant(r.getTimestamp(6)));
                    result.add(h);
                    records.add(new LogView.Record(row(xid.globalId(), xid.branchNumber()), new JournalEntry.Heuristic(h)));
                }
            }
        }
        return result;
    }

    /** Deletes the heuristic row of a branch; false when there was none. */
    public boolean forget(PactumXid xid) throws LogException {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement("DELETE FROM " + settings.table()
                + " WHERE node_id = ? AND gtrid = ? AND branch = ?")) {
            p.setString(1, node.value());
            p.setBytes(2, xid.globalId().toBytes());
            p.setInt(3, xid.branchNumber());
            return p.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new LogException("cannot delete the heuristic row of " + xid + " from " + settings.table() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The session holding the node's advisory lock, if any. */
    public Holder holder() throws LogException {
        try (Connection c = connect()) {
            return holder(c);
        } catch (SQLException e) {
            throw new LogException("cannot reach " + settings.url() + ": " + e.getMessage(), e);
        }
    }

    /** The session holding the node's advisory lock (the key PostgresLog takes), if any. */
    private Holder holder(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT l.pid, a.backend_start, a.client_addr::text, "
                + "a.application_name FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
                + "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 AND l.classid::bigint = ? "
                + "AND l.objid::bigint = ? AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
            p.setLong(1, Integer.toUnsignedLong(settings.table().hashCode()));
            p.setLong(2, Integer.toUnsignedLong(node.value().hashCode()));
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Holder.none("no session holds node " + node + "'s lock on " + settings.table());
                }
                Timestamp started = r.getTimestamp(2);
                String who = "PostgreSQL session pid " + r.getLong(1) + (r.getString(3) == null ? "" : " from "
                        + r.getString(3)) + (started == null ? "" : " since " + started.toInstant());
                // The log locks before its process draws XIDs, but on the database's clock: allow for skew.
                return new Holder(Holder.State.RUNNING, who, Optional.ofNullable(started).map(Timestamp::toInstant),
                        Duration.ofMinutes(1));
            }
        }
    }

    private String row(GlobalId id, int branch) {
        return settings.table() + " row (" + id.nodeId() + ", " + id + ", " + branch + ")";
    }

    private GlobalId gtrid(byte[] raw) throws LogException {
        return GlobalId.parse(raw).orElseThrow(() -> new LogException("the transaction log table " + settings.table()
                + " holds a gtrid Pactum did not write: " + HexFormat.of().formatHex(raw)));
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? java.time.Instant.EPOCH : t.toInstant();
    }
}
