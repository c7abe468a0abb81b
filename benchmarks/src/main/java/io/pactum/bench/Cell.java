package io.pactum.bench;

/** One measurement: one system, one variant, one thread count, in a JVM of its own. */
record Cell(String system, String variant, int threads) {
    String fileName() {
        return system + "-" + variant + "-t" + threads;
    }
}
