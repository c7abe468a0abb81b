package io.pactum.it.differential;

/** One API call of a scenario, with the label it is recorded under. */
record Step(String label, Action action) {
    interface Action {
        /** Returns what the call answered, when that is worth comparing, or null. */
        Object run(Run run) throws Exception;
    }

    @Override
    public String toString() {
        return label;
    }
}
