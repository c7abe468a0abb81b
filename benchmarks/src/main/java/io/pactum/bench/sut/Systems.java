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
    public record Entry(String name, String label, SystemUnderTest system, boolean durable) {
    }

    private static final Map<String, Entry> ALL = new LinkedHashMap<>();

    static {
        add("pactum", "Pactum", PactumSystem.inMemory(), false);
        add("narayana", "Narayana", NarayanaSystem.volatileStore(), false);
        add("atomikos", "Atomikos", AtomikosSystem.logOnTmpfs(), false);
        add("pactum-file", "Pactum-file", PactumSystem.fileJournal(), true);
        add("pactum-pg", "Pactum-pg", PactumSystem.postgres(), true);
        add("narayana-file", "Narayana-file", NarayanaSystem.fileStoreOnDisk(), true);
        add("narayana-journal", "Narayana-journal", NarayanaSystem.journalOnDisk(), true);
        add("atomikos-disk", "Atomikos-disk", AtomikosSystem.logOnDisk(), true);
    }

    private Systems() {
    }

    private static void add(String name, String label, SystemUnderTest system, boolean durable) {
        ALL.put(name, new Entry(name, label, system, durable));
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
        return ALL.values().stream().filter(e -> !e.durable()).map(Entry::name).toList();
    }

    /** The systems with a durable log: the durable suite. */
    public static List<String> durable() {
        return ALL.values().stream().filter(Entry::durable).map(Entry::name).toList();
    }

    public static boolean anyDurable(List<String> names) {
        return names.stream().anyMatch(n -> get(n).durable());
    }
}
