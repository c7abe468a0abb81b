package io.pactum.bench.sut;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The systems the harness knows, by the name used on the command line. The first system of a
 * run is the one the others are compared with (ratio columns).
 */
public final class Systems {
    /**
     * A system's command-line name, its column label, how to start it, and whether its log is
     * durable on the real disk (or in a database that is), which makes a run measure the disk too.
     */
    public record Entry(String name, String label, SystemUnderTest system, Kind kind) {
        public boolean durable() {
            return kind == Kind.DURABLE;
        }
    }

    /** Which run a system belongs to: the CPU path, the durable suite, or the JDBC transfer. */
    public enum Kind { CPU, DURABLE, JDBC }

    private static final Map<String, Entry> ALL = new LinkedHashMap<>();

    static {
        add("pactum", "Pactum", PactumSystem.inMemory(), Kind.CPU);
        add("narayana", "Narayana", NarayanaSystem.volatileStore(), Kind.CPU);
        add("atomikos", "Atomikos", AtomikosSystem.logOnTmpfs(), Kind.CPU);
        add("pactum-file", "Pactum-file", PactumSystem.fileJournal(), Kind.DURABLE);
        add("pactum-pg", "Pactum-pg", PactumSystem.postgres(), Kind.DURABLE);
        add("narayana-file", "Narayana-file", NarayanaSystem.fileStoreOnDisk(), Kind.DURABLE);
        add("narayana-journal", "Narayana-journal", NarayanaSystem.journalOnDisk(), Kind.DURABLE);
        add("atomikos-disk", "Atomikos-disk", AtomikosSystem.logOnDisk(), Kind.DURABLE);
        // the JDBC transfer (variant "transfer", bash benchmarks/jdbc.sh): logs on disk, real PostgreSQL and MariaDB
        add("pactum-jdbc", "Pactum", io.pactum.bench.jdbc.JdbcSystems.pactumJournal(), Kind.JDBC);
        add("narayana-jdbc", "Narayana", io.pactum.bench.jdbc.JdbcSystems.narayanaFileStore(), Kind.JDBC);
        add("xa-floor", "XA floor", io.pactum.bench.jdbc.JdbcSystems.handDrivenXa(false, false), Kind.JDBC);
        add("xa-floor-autocommit", "XA floor+autocommit", io.pactum.bench.jdbc.JdbcSystems.handDrivenXa(true, false),
                Kind.JDBC);
        add("xa-floor-parallel", "XA floor side by side", io.pactum.bench.jdbc.JdbcSystems.handDrivenXa(false, true),
                Kind.JDBC);
        add("pactum-jdbc-sequential", "Pactum one by one", io.pactum.bench.jdbc.JdbcSystems.pactumJournal(0),
                Kind.JDBC);
        add("pactum-jdbc-anchored", "Pactum anchored", io.pactum.bench.jdbc.JdbcSystems.pactumAnchored(), Kind.JDBC);
    }

    private Systems() {
    }

    private static void add(String name, String label, SystemUnderTest system, Kind kind) {
        ALL.put(name, new Entry(name, label, system, kind));
    }

    public static Entry get(String name) {
        Entry e = ALL.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown system '" + name + "'; known: " + names());
        }
        return e;
    }

    /** Every system. */
    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /** The systems whose logs cost CPU only: the default run. */
    public static List<String> inMemory() {
        return ALL.values().stream().filter(e -> e.kind() == Kind.CPU).map(Entry::name).toList();
    }

    /** The systems with a durable log: the durable suite. */
    public static List<String> durable() {
        return ALL.values().stream().filter(Entry::durable).map(Entry::name).toList();
    }

    public static boolean anyDurable(List<String> names) {
        return names.stream().anyMatch(n -> get(n).durable());
    }
}
