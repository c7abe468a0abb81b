package io.pactum.cli.ops;

import io.pactum.cli.config.Config;
import io.pactum.cli.xid.RawXid;
import io.pactum.jdbc.dialect.Dialect;
import io.pactum.jdbc.dialect.Dialects;
import io.pactum.jdbc.pool.DecisionTable;
import io.pactum.jdbc.pool.XaDataSourceRecovery;
import io.pactum.recovery.RecoverableResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The configured data sources, reached the way recovery reaches them: one XA connection of
 * their own per use, never a pool.
 */
public final class Resources {
    private final Map<String, RecoverableResource> byName = new LinkedHashMap<>();

    private Resources(List<RecoverableResource> resources) {
        resources.forEach(r -> byName.put(r.name(), r));
    }

    public static Resources of(List<Config.ResourceSettings> settings) {
        List<RecoverableResource> all = new ArrayList<>();
        for (Config.ResourceSettings s : settings) {
            Dialect dialect = Dialects.forUrl(s.url());
            XADataSource xa = dialect.xaDataSource(s.url(), s.user(), s.password());
            all.add(s.decisionTable() == null ? new XaDataSourceRecovery(s.name(), xa, dialect)
                    : new DecisionTable(s.name(), xa, dialect, s.decisionTable(), Duration.ofSeconds(5)));
        }
        return new Resources(all);
    }

    /** For tests: resources that are not JDBC data sources. */
    public static Resources of(RecoverableResource... resources) {
        return new Resources(List.of(resources));
    }

    public List<RecoverableResource> all() {
        return List.copyOf(byName.values());
    }

    public Optional<RecoverableResource> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** A branch a resource lists as prepared. */
    public record Prepared(String resource, RawXid xid) {
    }

    /** What every resource listed, and the resources that could not be asked. */
    public record Scan(List<Prepared> prepared, Map<String, String> failures) {
    }

    /** Asks every resource for its prepared branches (all of them, whoever's they are). */
    public Scan scan() {
        List<Prepared> prepared = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (RecoverableResource r : byName.values()) {
            try (RecoverableResource.Session s = r.open()) {
                for (Xid x : recoverAll(s.xaResource())) {
                    prepared.add(new Prepared(r.name(), RawXid.of(x)));
                }
            } catch (Exception e) {
                failures.put(r.name(), e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        return new Scan(prepared, failures);
    }

    /** Every XID a resource lists; drivers page differently, so ask until nothing new comes. */
    static List<Xid> recoverAll(XAResource xa) throws XAException {
        Set<RawXid> all = new LinkedHashSet<>();
        Xid[] batch = xa.recover(XAResource.TMSTARTRSCAN);
        while (batch != null && batch.length > 0 && addNew(all, batch) && all.size() < 1_000_000) {
            batch = xa.recover(XAResource.TMNOFLAGS);
        }
        try {
            xa.recover(XAResource.TMENDRSCAN);
        } catch (XAException | RuntimeException ignored) {
            // ending the scan only frees driver state; some drivers refuse it on its own
        }
        return new ArrayList<>(all);
    }

    private static boolean addNew(Set<RawXid> all, Xid[] batch) {
        boolean added = false;
        for (Xid x : batch) {
            added |= x != null && all.add(RawXid.of(x));
        }
        return added;
    }
}
