package io.pactum.it.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario runs on Narayana and on Pactum, and both must end the same way: the same
 * exception type from each call, the same final status, the same outcome of every branch and
 * the same synchronization callbacks. Where Pactum deliberately does otherwise, the scenario
 * lives in {@link KnownDifferencesTest} instead.
 */
class DifferentialTest {
    private static final NarayanaTm NARAYANA = new NarayanaTm();

    static Stream<Scenario> scenarios() {
        return Stream.of(OnePhaseScenarios.all(), TwoPhaseScenarios.all(), RollbackScenarios.all(),
                SynchronizationScenarios.all(), AssociationScenarios.all(), MisuseScenarios.all())
                .flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void pactumEndsLikeNarayana(Scenario scenario) {
        Both both = Both.run(scenario, NARAYANA);

        assertThat(both.narayana().recording().steps()).as("the harness failed on Narayana").noneMatch(Both::harnessFailed);
        assertThat(both.pactum().recording().steps()).as("the harness failed on Pactum").noneMatch(Both::harnessFailed);
        assertThat(both.pactum().recording())
                .as("Pactum (actual) differs from Narayana (expected) in '%s'%n%s", scenario, both)
                .isEqualTo(both.narayana().recording());
        if (scenario.comparesXaCalls()) {
            assertThat(both.pactum().xaCalls()).as("XA calls").isEqualTo(both.narayana().xaCalls());
        }
    }

    @Test
    void theTableHasFortyScenariosOrMoreWithDistinctNames() {
        List<String> names = scenarios().map(Scenario::name).toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(40).doesNotHaveDuplicates();
    }
}
