package io.pactum.testing;

import java.util.ArrayList;
import java.util.List;

/** The ordered record of XA calls and log writes of a scenario, shared by its fakes. */
public final class Trace {
    private final List<String> events = new ArrayList<>();

    public synchronized void add(String event) {
        events.add(event);
    }

    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    /** The events that start with the prefix, e.g. only "log." or only "A.". */
    public synchronized List<String> only(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).toList();
    }

    public synchronized void clear() {
        events.clear();
    }

    @Override
    public synchronized String toString() {
        return String.join("\n", events);
    }
}
