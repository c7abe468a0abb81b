package io.pactum.cli.ops;

import io.pactum.cli.xid.XidPattern;
import io.pactum.log.HeuristicRecord;
import io.pactum.xid.PactumXid;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the databases hold prepared, joined with what the log says: the rows of {@code pactum
 * list}, {@code show}, and what {@code commit}, {@code rollback} and {@code forget} act on.
 */
public record Survey(LogView log, List<Row> rows, Map<String, String> failures, Set<String> unconfigured, Instant at) {

    /**
     * @param configured the names of the configured data sources: the log may name others, whose
     *                   branches this survey cannot see
     */
    public static Survey take(LogView log, Resources.Scan scan, Set<String> configured, Set<String> takeover,
            Instant now) {
        List<Row> rows = new ArrayList<>();
        for (Resources.Prepared p : scan.prepared()) {
            Optional<PactumXid> x = PactumXid.parse(p.xid());
            Owner owner = x.map(px -> owner(px, log, takeover)).orElse(Owner.FOREIGN);
            boolean logged = owner == Owner.OURS || owner == Owner.TAKEN_OVER; // a shared table holds both
            rows.add(new Row(p.resource(), p.xid(), owner,
                    logged ? log.decision(x.get().globalId()).orElse(null) : null,
                    owner == Owner.OURS ? log.heuristic(x.get()).orElse(null) : null, true));
        }
        for (HeuristicRecord h : log.heuristics()) {
            PactumXid x = h.branch().xid();
            boolean listed = rows.stream().anyMatch(r -> r.pactum().filter(x::equals).isPresent());
            if (!listed) {
                rows.add(new Row(h.branch().resourceName(), io.pactum.cli.xid.RawXid.of(x), Owner.OURS,
                        log.decision(x.globalId()).orElse(null), h, false));
            }
        }
        // Ours first: what this node must resolve; then what belongs to others.
        rows.sort(java.util.Comparator.comparing(Row::owner));
        return new Survey(log, List.copyOf(rows), Map.copyOf(scan.failures()), unconfigured(log, configured), now);
    }

    /** Resources the log names that the config does not: their branches are invisible here. */
    private static Set<String> unconfigured(LogView log, Set<String> configured) {
        Set<String> names = new java.util.TreeSet<>();
        log.pending().forEach(d -> d.branches().forEach(b -> names.add(b.resourceName())));
        log.heuristics().forEach(h -> names.add(h.branch().resourceName()));
        names.removeAll(configured);
        return names;
    }

    private static Owner owner(PactumXid x, LogView log, Set<String> takeover) {
        String node = x.globalId().nodeId().value();
        if (node.equals(log.node().value())) {
            return Owner.OURS;
        }
        return takeover.contains(node) ? Owner.TAKEN_OVER : Owner.OTHER_NODE;
    }

    public List<Row> matching(XidPattern pattern) {
        return rows.stream().filter(r -> pattern.matches(r.xid())).toList();
    }

    /** How long ago the transaction decided to commit; empty without a decision. */
    public Optional<Duration> age(Row r) {
        return Optional.ofNullable(r.decision()).map(d -> Duration.between(d.decidedAt(), at));
    }
}
