package io.pactum.it.crash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a standalone recovery process did: its exit status, its output, and the scans it
 * reported: the daemon's {@code PACTUM-6002 Scan N: 1 committed, 0 already committed, ...} lines.
 */
record RecoveryRun(int exitStatus, String output, List<Map<String, Integer>> scans) {
    private static final java.util.regex.Pattern DAEMON_SCAN = java.util.regex.Pattern.compile(
            "PACTUM-6002 Scan \\d+: (\\d+) committed, (\\d+) already committed, (\\d+) rolled back, (\\d+) heuristic, "
                    + "(\\d+) failed, (\\d+) decision\\(s\\) finished, (\\d+) resource\\(s\\) not reachable, (\\d+) waiting");
    private static final String[] DAEMON_COUNTS = {"committed", "alreadyCommitted", "rolledBack", "heuristic", "failed",
        "decisionsFinished", "failedResources", "waiting"};

    static RecoveryRun parse(int exitStatus, String output) {
        List<Map<String, Integer>> scans = new ArrayList<>();
        output.lines().forEach(l -> {
            java.util.regex.Matcher m = DAEMON_SCAN.matcher(l);
            if (m.find()) {
                Map<String, Integer> counts = new HashMap<>();
                for (int i = 0; i < DAEMON_COUNTS.length; i++) {
                    counts.put(DAEMON_COUNTS[i], Integer.parseInt(m.group(i + 1)));
                }
                scans.add(counts);
            }
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
