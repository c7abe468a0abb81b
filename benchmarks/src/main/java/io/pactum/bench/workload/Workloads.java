package io.pactum.bench.workload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.transaction.xa.XAResource;

/** The workloads ("variants") the harness knows, by the name used on the command line. */
public final class Workloads {
    /** A workload's name, what it does in a few words, and how to make one. */
    public record Entry(String name, String description, Supplier<Workload> factory) {
    }

    private static final Map<String, Entry> ALL = new LinkedHashMap<>();

    static {
        add("2pc", "begin, enlist 2 dummy resources, delist both, commit (two-phase)",
                () -> new DummyXaWorkload(XAResource.XA_OK, XAResource.XA_OK));
        add("1pc", "begin, enlist 1 dummy resource, delist, commit (one-phase)",
                () -> new DummyXaWorkload(XAResource.XA_OK));
        add("rdonly", "as 2pc, but the first resource votes XA_RDONLY",
                () -> new DummyXaWorkload(XAResource.XA_RDONLY, XAResource.XA_OK));
        add("transfer", "begin, update a row in PostgreSQL and one in MariaDB through pooled XA data sources, commit",
                io.pactum.bench.jdbc.TransferWorkload::new);
    }

    private Workloads() {
    }

    private static void add(String name, String description, Supplier<Workload> factory) {
        ALL.put(name, new Entry(name, description, factory));
    }

    public static Entry get(String name) {
        Entry e = ALL.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown variant '" + name + "'; known: " + names());
        }
        return e;
    }

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }
}
