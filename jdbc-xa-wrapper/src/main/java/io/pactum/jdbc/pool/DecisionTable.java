package io.pactum.jdbc.pool;

import io.pactum.jdbc.JdbcMessage;
import io.pactum.jdbc.dialect.Dialect;
import io.pactum.recovery.DecisionAnchor;
import io.pactum.xid.GlobalId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;

/**
 * A data source that holds commit decisions ({@link DecisionAnchor}) in a table of its own
 * database: one row per transaction, {@code (gtrid, committed, resources, written)}.
 *
 * <p>A transaction's branch on this data source inserts its decision row into its own work
 * ({@link AnchorXAResource}); the row commits with that branch. Asked about a transaction,
 * this inserts a refusal row ({@code committed = false}) under the same key: while the
 * transaction's own branch is open the insert waits on the key (up to the lock timeout, then
 * gives no answer); once that branch committed the insert collides and the row says "commit";
 * otherwise the refusal is in, and the branch can never commit its decision afterwards.
 *
 * <p>Rows of finished transactions are deleted in batches on a background thread; recovery
 * deletes those of transactions it settled. Its own connection, outside the pool, serves the
 * questions and the deletes.
 */
public final class DecisionTable implements DecisionAnchor, AutoCloseable {
    private static final int BATCH = 500;
    private static final Duration CLEANUP_EVERY = Duration.ofSeconds(1);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final String name;
    private final XADataSource xaDataSource;
    private final Dialect dialect;
    private final String table;
    private final Duration lockTimeout;
    private final XaDataSourceRecovery recovery;
    private final String insert;
    private final ConcurrentLinkedQueue<GlobalId> finished = new ConcurrentLinkedQueue<>();
    /** The insert, prepared once per driver connection; the clean-up drops those of closed connections. */
    private final Map<Connection, PreparedStatement> statements = Collections.synchronizedMap(new IdentityHashMap<>());
    private ScheduledExecutorService cleaner;
    private XAConnection own;
    private Connection connection;
    private boolean closed;

    public DecisionTable(String name, XADataSource xaDataSource, Dialect dialect, String table, Duration lockTimeout) {
        this.name = name;
        this.xaDataSource = xaDataSource;
        this.dialect = dialect;
        this.table = table;
        this.lockTimeout = lockTimeout;
        this.recovery = new XaDataSourceRecovery(name, xaDataSource, dialect);
        this.insert = "INSERT INTO " + table + " (gtrid, committed, resources) VALUES (?, ?, ?)";
    }

    @Override
    public String name() {
        return name;
    }

    public String table() {
        return table;
    }

    @Override
    public Session open() throws XAException {
        return recovery.open();
    }

    /**
     * Inserts the commit decision on a branch's connection, into the branch's work. The insert
     * goes to the driver's own connection, past the pool's and the driver's proxies, through a
     * statement kept per connection: it runs once per transaction.
     */
    void record(Connection branch, GlobalId id, Collection<String> resources) throws SQLException {
        String names = String.join(",", resources);
        if (names.length() > 4000) {
            throw new SQLException("the transaction has branches on " + resources.size() + " resources; their names "
                    + "do not fit the decision table's 4000 characters");
        }
        Connection c = driverConnection(branch);
        PreparedStatement s = statements.remove(c); // one user at a time: the connection's transaction
        if (s == null) {
            s = c.prepareStatement(insert);
        }
        try {
            s.setBytes(1, id.toBytes());
            s.setBoolean(2, true);
            s.setString(3, names);
            s.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            closeQuietly(s);
            throw e;
        }
        statements.put(c, s);
    }

    private static Connection driverConnection(Connection c) {
        try {
            Connection unwrapped = c.unwrap(Connection.class);
            return unwrapped != null ? unwrapped : c;
        } catch (SQLException | RuntimeException e) {
            return c;
        }
    }

    private static boolean isClosed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException | RuntimeException e) {
            return true;
        }
    }

    private static void closeQuietly(PreparedStatement s) {
        try {
            s.close();
        } catch (SQLException | RuntimeException ignored) {
            // it failed already; the connection is being discarded
        }
    }

    @Override
    public synchronized boolean committed(GlobalId id) throws SQLException {
        Connection c = connection();
        try {
            try (PreparedStatement s = c.prepareStatement(insert)) {
                s.setBytes(1, id.toBytes());
                s.setBoolean(2, false);
                s.setString(3, "");
                s.executeUpdate();
                return false; // the refusal is in
            } catch (SQLException e) {
                if (!dialect.isDuplicateKey(e)) {
                    throw e;
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT committed FROM " + table + " WHERE gtrid = ?")) {
                s.setBytes(1, id.toBytes());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("the decision row of " + id + " in " + table + " collided and then "
                                + "was gone: it was deleted meanwhile; ask again");
                    }
                    return rs.getBoolean(1);
                }
            }
        } catch (SQLException e) {
            drop();
            throw e;
        }
    }

    @Override
    public synchronized List<Decision> decisions() throws SQLException {
        Connection c = connection();
        List<Decision> result = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT gtrid, committed, resources FROM " + table);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                GlobalId id = GlobalId.parse(rs.getBytes(1)).orElse(null);
                if (id != null) {
                    String r = rs.getString(3);
                    Set<String> resources = r == null || r.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(r.split(",")));
                    result.add(new Decision(id, rs.getBoolean(2), resources));
                }
            }
        } catch (SQLException e) {
            drop();
            throw e;
        }
        return result;
    }

    /** One {@code DELETE ... WHERE gtrid IN (...)} per chunk, in one local transaction. */
    @Override
    public synchronized void forget(Collection<GlobalId> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        Connection c = connection();
        List<GlobalId> all = new ArrayList<>(ids);
        try {
            c.setAutoCommit(false);
            for (int from = 0; from < all.size(); from += BATCH) {
                List<GlobalId> chunk = all.subList(from, Math.min(all.size(), from + BATCH));
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE gtrid IN ("
                        + "?,".repeat(chunk.size() - 1) + "?)")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setBytes(i + 1, chunk.get(i).toBytes());
                    }
                    s.executeUpdate();
                }
            }
            c.commit();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            drop();
            throw e;
        }
    }

    @Override
    public void finished(GlobalId id) {
        finished.add(id);
        synchronized (this) {
            if (cleaner == null && !closed) {
                ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
                    Thread t = new Thread(r, "pactum-decisions-" + THREADS.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
                e.scheduleWithFixedDelay(this::cleanUp, CLEANUP_EVERY.toMillis(), CLEANUP_EVERY.toMillis(),
                        TimeUnit.MILLISECONDS);
                cleaner = e;
            }
        }
    }

    /** Deletes the rows of the transactions finished so far; what fails stays for the next round. */
    private void cleanUp() {
        synchronized (statements) {
            statements.keySet().removeIf(DecisionTable::isClosed);
        }
        List<GlobalId> batch = new ArrayList<>();
        for (GlobalId id; batch.size() < 20 * BATCH && (id = finished.poll()) != null; ) {
            batch.add(id);
        }
        try {
            forget(batch);
        } catch (SQLException | RuntimeException e) {
            finished.addAll(batch);
            JdbcMessage.DECISIONS_NOT_DELETED.log(e, name, table, batch.size(), e.getMessage());
        }
    }

    /** How many finished transactions still have a row waiting to be deleted. */
    public int waitingForCleanUp() {
        return finished.size();
    }

    /** Deletes what is waiting now, then stops the cleaner and closes the connection. */
    @Override
    public void close() {
        ScheduledExecutorService e;
        synchronized (this) {
            closed = true;
            e = cleaner;
            cleaner = null;
        }
        if (e != null) {
            e.shutdown();
            try {
                e.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (!finished.isEmpty()) {
            cleanUp();
        }
        synchronized (this) {
            drop();
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            XAConnection x = xaDataSource.getXAConnection();
            try {
                Connection c = x.getConnection();
                c.setAutoCommit(true);
                dialect.lockTimeout(c, lockTimeout);
                own = x;
                connection = c;
            } catch (SQLException e) {
                try {
                    x.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }
        return connection;
    }

    /** Forgets the connection after a failure: the next call opens a new one. */
    private void drop() {
        if (own != null) {
            try {
                own.close();
            } catch (SQLException ignored) {
                // it is being replaced
            }
        }
        own = null;
        connection = null;
    }

    @Override
    public String toString() {
        return name + " (decisions in " + table + ")";
    }
}
