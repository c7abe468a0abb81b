package io.pactum.jdbc;

import io.agroal.pool.DataSource;
import io.pactum.jdbc.dialect.Dialect;
import io.pactum.jdbc.dialect.Dialects;
import io.pactum.jdbc.pool.DecisionTable;
import io.pactum.jdbc.pool.Handoff;
import io.pactum.jdbc.pool.PactumTransactionIntegration;
import io.pactum.recovery.RecoverableResource;
import io.pactum.tx.PactumTransaction;
import io.pactum.tx.PactumTransactionManager;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.XADataSource;

/**
 * A pooled {@link javax.sql.DataSource} whose connections enlist themselves in the current
 * transaction of a Pactum transaction manager:
 * <pre>{@code
 * PactumDataSource orders = PactumDataSource.builder(tm)
 *     .name("orders")                                  // stable: the log and recovery use it
 *     .url("jdbc:postgresql://db/orders").user("app").password(secret)
 *     .maxPoolSize(20)
 *     .build();
 * }</pre>
 *
 * <p>Inside a transaction the first {@link #getConnection()} enlists one branch; later ones in
 * the same transaction are handles on the same physical connection and branch. Closing a
 * handle does not end the branch; the connection goes back to the pool once the transaction has
 * completed. {@code commit()}, {@code rollback()}, {@code setAutoCommit(true)} and savepoints
 * fail on an enlisted connection. Outside a transaction connections are ordinary auto-commit
 * connections.
 *
 * <p>A data source built from a non-XA {@link javax.sql.DataSource} joins transactions as their
 * last resource (see {@link io.pactum.xa.LastResource} for what that risks). Pooling is Agroal's;
 * {@link #close()} closes the pool and every connection.
 */
public final class PactumDataSource implements javax.sql.DataSource, AutoCloseable {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern TABLE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,62}");
    /** The table {@link Builder#holdDecisions} uses unless told otherwise. */
    public static final String DEFAULT_DECISION_TABLE = "pactum_decisions";

    private final String name;
    private final Dialect dialect;
    private final boolean xa;
    private final RecoverableResource recoverable;
    private final PactumTransactionIntegration integration;
    private final DataSource pool;
    private final String handoffKey;
    private volatile boolean closed;

    PactumDataSource(String name, Dialect dialect, boolean xa, RecoverableResource recoverable,
            PactumTransactionIntegration integration, DataSource pool, String handoffKey) {
        this.name = name;
        this.dialect = dialect;
        this.xa = xa;
        this.recoverable = recoverable;
        this.integration = integration;
        this.pool = pool;
        this.handoffKey = handoffKey;
    }

    public static Builder builder(PactumTransactionManager tm) {
        return new Builder(Objects.requireNonNull(tm, "tm"));
    }

    /** The name the log and recovery know this data source by. */
    public String name() {
        return name;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Whether its connections take part in two-phase commit; if not, they join as the last resource. */
    public boolean isXa() {
        return xa;
    }

    /** How recovery reaches this data source with a connection of its own; empty when it is not XA. */
    public Optional<RecoverableResource> recoverable() {
        return Optional.ofNullable(recoverable);
    }

    /** The table in which it holds commit decisions; empty when it holds none. */
    public Optional<String> decisionTable() {
        return recoverable instanceof DecisionTable t ? Optional.of(t.table()) : Optional.empty();
    }

    /** Whether it is registered for recovery with its transaction manager. */
    public boolean isRegisteredForRecovery() {
        return integration.isRegisteredForRecovery();
    }

    /** How many of its connections are enlisted in transactions that have not completed yet. */
    public int enlistedConnections() {
        return integration.enlistedCount();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = pool.getConnection();
        PactumTransaction tx;
        try {
            tx = integration.activeTransaction();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return tx == null ? connection : new EnlistedConnection(connection, name, tx.globalId());
    }

    /** Not supported: every connection of the pool uses the data source's own user. */
    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("data source " + name + " pools connections of one user; "
                + "build another PactumDataSource for user " + user);
    }

    /** Closes the pool and its connections, and leaves the recovery registry. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            pool.close();
            if (recoverable instanceof DecisionTable t) {
                t.close();
            }
        } finally {
            Handoff.remove(handoffKey);
        }
        JdbcMessage.CLOSED.log(name);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Pactum logs through System.Logger
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // connections are opened by the pool: see acquisitionTimeout
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("Pactum logs through System.Logger");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("data source " + name + " is not a " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "PactumDataSource[" + name + ", " + dialect + (xa ? "" : ", last resource") + "]";
    }

    /** Collects settings; {@link #build()} checks them all, then the server, then starts the pool. */
    public static final class Builder {
        private final PactumTransactionManager tm;
        private String name;
        private XADataSource xaDataSource;
        private String url;
        private String user;
        private String password;
        private javax.sql.DataSource localDataSource;
        private Dialect dialect;
        private boolean allowOtherLastResources;
        private String decisionTable;
        private int minPoolSize = PoolSettings.DEFAULTS.minSize();
        private int maxPoolSize = PoolSettings.DEFAULTS.maxSize();
        private Duration acquisitionTimeout = PoolSettings.DEFAULTS.acquisitionTimeout();
        private boolean validateOnBorrow = PoolSettings.DEFAULTS.validateOnBorrow();
        private Duration validationInterval = PoolSettings.DEFAULTS.validationInterval();
        private Duration idleTimeout = PoolSettings.DEFAULTS.idleTimeout();
        private Duration leakTimeout = PoolSettings.DEFAULTS.leakTimeout();
        private Duration maxLifetime = PoolSettings.DEFAULTS.maxLifetime();

        private Builder(PactumTransactionManager tm) {
            this.tm = tm;
        }

        /** The stable name the log and recovery know it by: 1 to 64 of A-Z a-z 0-9 . _ - : */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Any driver's XA data source. */
        public Builder xaDataSource(XADataSource xaDataSource) {
            this.xaDataSource = xaDataSource;
            return this;
        }

        /** A PostgreSQL, MySQL or MariaDB URL; Pactum makes the driver's XA data source. */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * A non-XA data source: its connections join transactions as their last resource,
         * committed in one phase after every XA branch has prepared and the decision is logged.
         */
        public Builder dataSource(javax.sql.DataSource nonXaDataSource) {
            this.localDataSource = nonXaDataSource;
            return this;
        }

        /**
         * For a non-XA data source: whether it may join a transaction that already has another
         * last resource which allows it too. Their commits are then not atomic with each other.
         */
        public Builder allowOtherLastResources(boolean allow) {
            this.allowOtherLastResources = allow;
            return this;
        }

        /**
         * Whether this data source holds the commit decisions of the transactions it takes part
         * in (an anchored commit), in table {@value #DEFAULT_DECISION_TABLE} of its database,
         * created at build when missing. Such a transaction writes nothing to Pactum's log: its
         * branch here inserts the decision row and is committed in one phase after the others
         * prepared, which saves the log sync and this branch's prepare. One data source per
         * transaction manager; PostgreSQL, MySQL and MariaDB. Default false.
         */
        public Builder holdDecisions(boolean hold) {
            this.decisionTable = hold ? DEFAULT_DECISION_TABLE : null;
            return this;
        }

        /** {@link #holdDecisions} in this table ({@code name} or {@code schema.name}). */
        public Builder decisionTable(String table) {
            this.decisionTable = table;
            return this;
        }

        /** The database's quirks; by default found from the URL or the connected server. */
        public Builder dialect(Dialect dialect) {
            this.dialect = dialect;
            return this;
        }

        public Builder minPoolSize(int size) {
            this.minPoolSize = size;
            return this;
        }

        public Builder maxPoolSize(int size) {
            this.maxPoolSize = size;
            return this;
        }

        /** The longest {@code getConnection()} waits for a free connection. Default 10 s. */
        public Builder acquisitionTimeout(Duration timeout) {
            this.acquisitionTimeout = timeout;
            return this;
        }

        /** Checks every connection before handing it out. Default false. */
        public Builder validateOnBorrow(boolean validate) {
            this.validateOnBorrow = validate;
            return this;
        }

        /** How often idle connections are checked in the background; zero: never. Default 1 min. */
        public Builder validationInterval(Duration interval) {
            this.validationInterval = interval;
            return this;
        }

        /** How long a connection above minPoolSize may stay idle; zero: forever. Default 10 min. */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = timeout;
            return this;
        }

        /**
         * After how long a connection held outside a transaction is reported as a leak
         * ({@code PACTUM-5002}); zero: never. Default zero.
         */
        public Builder leakTimeout(Duration timeout) {
            this.leakTimeout = timeout;
            return this;
        }

        /** How long a connection lives before it is replaced; zero: forever. Default 30 min. */
        public Builder maxLifetime(Duration lifetime) {
            this.maxLifetime = lifetime;
            return this;
        }

        /**
         * The checked configuration, without connecting to anything.
         *
         * @throws IllegalArgumentException when a setting is wrong; the message says what to change
         */
        public DataSourceConfig config() {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name is missing: call name(\"orders\") with the stable name the "
                        + "log and recovery know this data source by");
            }
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("name \"" + name + "\" cannot be a data source name: use 1 to 64 of "
                        + "A-Z a-z 0-9 . _ - :");
            }
            ConnectionSource source = source();
            if (allowOtherLastResources && source.isXa()) {
                throw new IllegalArgumentException("allowOtherLastResources(true) is for non-XA data sources "
                        + "(dataSource(...)); data source " + name + " is XA: remove it");
            }
            if (decisionTable != null && !source.isXa()) {
                throw new IllegalArgumentException("data source " + name + " is not XA and cannot hold commit "
                        + "decisions: remove holdDecisions/decisionTable, or give it an XA data source or a URL");
            }
            if (decisionTable != null && !TABLE.matcher(decisionTable).matches()) {
                throw new IllegalArgumentException("decision table \"" + decisionTable + "\" of data source " + name
                        + " is not a table name: use name or schema.name, letters, digits and _");
            }
            if (source instanceof ConnectionSource.Url u && dialect == null) {
                Dialects.forUrl(u.url()); // an unsupported URL fails here, before anything connects
            }
            PoolSettings pool = new PoolSettings(minPoolSize, maxPoolSize, acquisitionTimeout, validateOnBorrow,
                    validationInterval, idleTimeout, leakTimeout, maxLifetime);
            return new DataSourceConfig(name, source, pool, dialect, allowOtherLastResources, decisionTable);
        }

        private ConnectionSource source() {
            int given = (xaDataSource != null ? 1 : 0) + (url != null ? 1 : 0) + (localDataSource != null ? 1 : 0);
            if (given == 0) {
                throw new IllegalArgumentException("data source " + name + " has no connections: call xaDataSource(...), "
                        + "url(...) or, for a non-XA last resource, dataSource(...)");
            }
            if (given > 1) {
                throw new IllegalArgumentException("data source " + name + " has more than one of xaDataSource(...), "
                        + "url(...) and dataSource(...): keep one");
            }
            if ((user != null || password != null) && url == null) {
                throw new IllegalArgumentException("user(...) and password(...) go with url(...); data source " + name
                        + " takes its connections from a data source that carries its own credentials: remove them");
            }
            if (xaDataSource != null) {
                return new ConnectionSource.Xa(xaDataSource);
            }
            if (url != null) {
                return new ConnectionSource.Url(url, user, password);
            }
            return new ConnectionSource.Local(localDataSource);
        }

        /**
         * Checks the settings, connects once to check the server (PostgreSQL:
         * {@code max_prepared_transactions > 0}; MySQL and MariaDB: {@code XA RECOVER} allowed),
         * starts the pool and registers the data source for recovery.
         *
         * @throws IllegalArgumentException when a setting is wrong
         * @throws IllegalStateException when the server cannot be reached or does not allow
         *         two-phase commit; the message says what to change
         */
        public PactumDataSource build() {
            return Starter.start(tm, config());
        }
    }
}
