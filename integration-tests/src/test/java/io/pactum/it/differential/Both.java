package io.pactum.it.differential;

/** One scenario's observations on Narayana and on Pactum. */
record Both(Observed narayana, Observed pactum) {

    /** Runs on Narayana first, then on a fresh Pactum. */
    static Both run(Scenario scenario, NarayanaTm narayana) {
        Observed reference = scenario.runOn(narayana);
        try (PactumTm pactum = new PactumTm()) {
            return new Both(reference, scenario.runOn(pactum));
        }
    }

    /** A step that failed because of the harness (a bug in a test), not because of a manager. */
    static boolean harnessFailed(String step) {
        return step.endsWith("-> NullPointerException") || step.endsWith("-> ClassCastException")
                || step.endsWith("-> AssertionError");
    }

    @Override
    public String toString() {
        return "--- Narayana\n" + narayana + "\n--- Pactum\n" + pactum;
    }
}
