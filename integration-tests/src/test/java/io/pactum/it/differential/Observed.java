package io.pactum.it.differential;

import java.util.List;

/**
 * A {@link Recording} plus the XA calls the resources received, with branch qualifiers left
 * out (Pactum's and Narayana's XIDs differ). The calls are not compared scenario by scenario,
 * since two correct managers may order or flag them differently; known differences use them.
 */
record Observed(Recording recording, List<String> xaCalls) {
    @Override
    public String toString() {
        return recording + "\nxa calls: " + xaCalls;
    }
}
