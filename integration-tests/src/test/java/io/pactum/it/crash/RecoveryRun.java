package io.pactum.it.crash;

import io.pactum.recovery.ScanReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a standalone recovery process did: its exit status, its output, and the scans it
 * reported, one {@code SCAN committed=1 alreadyCommitted=0 ...} line each.
 */
record RecoveryRun(int exitStatus, String output, List<Map<String, Integer>> scans) {
    private static final String PREFIX = "SCAN ";

    static String line(ScanReport r) {
        return PREFIX + "committed=" + r.committed() + " alreadyCommitted=" + r.alreadyCommitted() + " rolledBack="
                + r.rolledBack() + " heuristic=" + r.heuristic() + " failed=" + r.failed() + " decisionsFinished="
                + r.decisionsFinished() + " failedResources=" + r.failedResources() + " waiting=" + r.waiting();
    }

    static RecoveryRun parse(int exitStatus, String output) {
        List<Map<String, Integer>> scans = new ArrayList<>();
        output.lines().filter(l -> l.startsWith(PREFIX)).forEach(l -> {
            Map<String, Integer> counts = new HashMap<>();
            for (String pair : l.substring(PREFIX.length()).split(" ")) {
                String[] kv = pair.split("=");
                counts.put(kv[0], Integer.parseInt(kv[1]));
            }
            scans.add(counts);
        });
        return new RecoveryRun(exitStatus, output, scans);
    }

    /** One count ("committed", "rolledBack", ...) summed over every scan. */
    int total(String count) {
        return scans.stream().mapToInt(s -> s.getOrDefault(count, 0)).sum();
    }

    @Override
    public String toString() {
        return "recovery exited " + exitStatus + ":\n" + output;
    }
}
