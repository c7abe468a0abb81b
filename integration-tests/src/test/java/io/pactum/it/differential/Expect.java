package io.pactum.it.differential;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on what one manager did in a scenario, for {@link KnownDifferencesTest}. */
final class Expect {
    private final Observed observed;
    private final String who;

    private Expect(Observed observed, String who) {
        this.observed = observed;
        this.who = who;
    }

    static Expect narayana(Both both) {
        return new Expect(both.narayana(), "Narayana");
    }

    static Expect pactum(Both both) {
        return new Expect(both.pactum(), "Pactum");
    }

    /** These steps ended so, e.g. {@code "commit -> HeuristicMixedException"}, in this order. */
    Expect did(String... steps) {
        assertThat(observed.recording().steps()).as(who + "\n" + observed).containsSubsequence(steps);
        return this;
    }

    /** The status of the transaction object after the last step. */
    Expect ended(String status) {
        assertThat(observed.recording().transactionStatus()).as(who + " status\n" + observed).isEqualTo(status);
        return this;
    }

    /** The branch outcomes, written as the map prints: {@code "{A=[COMMITTED], B=[HEURISTIC]}"}. */
    Expect left(String outcomes) {
        assertThat(observed.recording().outcomes()).as(who + " outcomes\n" + observed).hasToString(outcomes);
        return this;
    }

    /** These XA calls happened, in this order (others may come between). */
    Expect called(String... calls) {
        assertThat(observed.xaCalls()).as(who + " XA calls\n" + observed).containsSubsequence(calls);
        return this;
    }

    Expect neverCalled(String call) {
        assertThat(observed.xaCalls()).as(who + " XA calls\n" + observed).doesNotContain(call);
        return this;
    }
}
