package io.pactum.bench.sut;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The systems the harness knows, by the name used on the command line. The first system of a
 * run is the one the others are compared with (ratio columns).
 */
public final class Systems {
    /** A system's command-line name, its column label, and how to start it. */
    public record Entry(String name, String label, SystemUnderTest system) {
    }

    private static final Map<String, Entry> ALL = new LinkedHashMap<>();

    static {
        add("pactum", "Pactum", PactumSystem.inMemory());
        add("narayana", "Narayana", NarayanaSystem.volatileStore());
        add("atomikos", "Atomikos", AtomikosSystem.logOnTmpfs());
        // the JDBC transfer (variant "transfer"): logs on disk, real PostgreSQL and MariaDB
        add("pactum-jdbc", "Pactum", io.pactum.bench.jdbc.JdbcSystems.pactumJournal());
        add("narayana-jdbc", "Narayana", io.pactum.bench.jdbc.JdbcSystems.narayanaFileStore());
        add("xa-floor", "XA floor", io.pactum.bench.jdbc.JdbcSystems.handDrivenXa(false));
        add("xa-floor-autocommit", "XA floor+autocommit", io.pactum.bench.jdbc.JdbcSystems.handDrivenXa(true));
    }

    private Systems() {
    }

    private static void add(String name, String label, SystemUnderTest system) {
        ALL.put(name, new Entry(name, label, system));
    }

    public static Entry get(String name) {
        Entry e = ALL.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown system '" + name + "'; known: " + names());
        }
        return e;
    }

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }
}
