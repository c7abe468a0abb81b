package io.pactum.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.Pactum;
import io.pactum.event.TransactionListener;
import io.pactum.log.CommitDecision;
import io.pactum.log.HeuristicRecord;
import io.pactum.log.TransactionLog;
import io.pactum.xid.GlobalId;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Every setting is checked once, at build, and the message tells the user what to change. */
class PactumConfigTest {

    private static Pactum.Builder valid() {
        return Pactum.builder().nodeId("node-1").inMemoryLog();
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> building(Pactum.Builder builder) {
        return assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aValidConfigurationKeepsEverySetting() {
        TransactionListener listener = new TransactionListener() { };
        PactumConfig c = valid().defaultTimeout(Duration.ofSeconds(30)).maxTimeout(Duration.ofMinutes(5))
                .reaperInterval(Duration.ofMillis(250)).commitRetries(0).retryDelay(Duration.ZERO)
                .listener(listener).config();
        assertThat(c.nodeId().value()).isEqualTo("node-1");
        assertThat(c.log()).isNotNull();
        assertThat(c.defaultTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.maxTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.reaperInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.commitRetries()).isZero();
        assertThat(c.retryDelay()).isZero();
        assertThat(c.listeners()).containsExactly(listener);
    }

    @Test
    void theDefaultsAreValid() {
        PactumConfig c = valid().config();
        assertThat(c.defaultTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.defaultTimeout()).isLessThanOrEqualTo(c.maxTimeout());
        assertThat(c.commitRetries()).isPositive();
        assertThat(c.parallelPhases()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void parallelPhasesMayBeTurnedOffButNotBelowZero() {
        assertThat(valid().parallelPhases(0).config().parallelPhases()).isZero();
        building(valid().parallelPhases(-1)).hasMessageContaining("parallelPhases is -1: use 0");
        building(valid().parallelPhases(2, Duration.ofMillis(-1))).hasMessageContaining("use zero (always) or more");
    }

    @Test
    void theConfigurationIsImmutable() {
        Pactum.Builder b = valid();
        PactumConfig c = b.config();
        b.listener(new TransactionListener() { });
        assertThat(c.listeners()).isEmpty();
        assertThatThrownBy(() -> c.listeners().add(new TransactionListener() { }))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anInMemoryLogGetsARandomNodeIdWhenNoneIsGiven() {
        PactumConfig one = Pactum.builder().inMemoryLog().config();
        PactumConfig two = Pactum.builder().inMemoryLog().config();
        assertThat(one.nodeId()).isNotEqualTo(two.nodeId());
    }

    @Test
    void timeoutsMayBeEqual() {
        assertThat(valid().defaultTimeout(Duration.ofSeconds(10)).maxTimeout(Duration.ofSeconds(10)).config()
                .maxTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aMissingLogSaysHowToConfigureOne() {
        building(Pactum.builder().nodeId("node-1"))
                .hasMessageContaining("no transaction log")
                .hasMessageContaining("logStore(")
                .hasMessageContaining("inMemoryLog()");
    }

    @Test
    void aDurableLogWithoutNodeIdSaysToSetOne() {
        building(Pactum.builder().logStore(new DurableLog()))
                .hasMessageContaining("durable log")
                .hasMessageContaining("nodeId(");
    }

    @Test
    void aBadNodeIdSaysWhatANodeIdIsMadeOf() {
        building(valid().nodeId("node 1"))
                .hasMessageContaining("'node 1'")
                .hasMessageContaining("1 to 32 characters");
        building(valid().nodeId("n".repeat(33))).hasMessageContaining("1 to 32 characters");
        building(valid().nodeId("")).hasMessageContaining("1 to 32 characters");
    }

    @Test
    void aNonPositiveDefaultTimeoutSaysToUseAPositiveOne() {
        building(valid().defaultTimeout(Duration.ZERO)).hasMessage("defaultTimeout is PT0S: use a positive duration");
        building(valid().defaultTimeout(Duration.ofSeconds(-5)))
                .hasMessage("defaultTimeout is PT-5S: use a positive duration");
    }

    @Test
    void aNonPositiveMaxTimeoutSaysToUseAPositiveOne() {
        building(valid().maxTimeout(Duration.ZERO)).hasMessage("maxTimeout is PT0S: use a positive duration");
        building(valid().maxTimeout(Duration.ofSeconds(-1))).hasMessage("maxTimeout is PT-1S: use a positive duration");
    }

    @Test
    void aFractionalTimeoutSaysThatJtaCountsWholeSeconds() {
        building(valid().defaultTimeout(Duration.ofMillis(1500)))
                .hasMessage("defaultTimeout is PT1.5S: JTA counts timeouts in whole seconds");
        building(valid().maxTimeout(Duration.ofMillis(90_500)))
                .hasMessage("maxTimeout is PT1M30.5S: JTA counts timeouts in whole seconds");
        building(valid().defaultTimeout(Duration.ofMillis(500)))
                .hasMessageContaining("defaultTimeout is PT0.5S");
    }

    @Test
    void aDefaultTimeoutAboveTheMaximumSaysWhichToChange() {
        building(valid().defaultTimeout(Duration.ofMinutes(2)).maxTimeout(Duration.ofMinutes(1)))
                .hasMessage("defaultTimeout (PT2M) is longer than maxTimeout (PT1M): raise maxTimeout or lower "
                        + "defaultTimeout");
    }

    @Test
    void aMaxTimeoutBeyondAnIntOfSecondsSaysTheLimit() {
        building(valid().maxTimeout(Duration.ofSeconds(Integer.MAX_VALUE + 1L)))
                .hasMessageContaining("maxTimeout")
                .hasMessageContaining("use at most 2147483647 seconds");
        assertThat(valid().maxTimeout(Duration.ofSeconds(Integer.MAX_VALUE)).config().maxTimeout().getSeconds())
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aNonPositiveReaperIntervalSaysToUseAPositiveOne() {
        building(valid().reaperInterval(Duration.ZERO)).hasMessage("reaperInterval is PT0S: use a positive duration");
        building(valid().reaperInterval(Duration.ofMillis(-1)))
                .hasMessage("reaperInterval is PT-0.001S: use a positive duration");
    }

    @Test
    void negativeCommitRetriesSayToUseZeroOrMore() {
        building(valid().commitRetries(-1)).hasMessage("commitRetries is -1: use 0 or more");
    }

    @Test
    void aNegativeRetryDelaySaysToUseZeroOrMore() {
        building(valid().retryDelay(Duration.ofMillis(-1))).hasMessage("retryDelay is PT-0.001S: use zero or more");
    }

    @Test
    void aMissingDurationNamesTheSetting() {
        assertThatThrownBy(() -> valid().defaultTimeout(null).build()).hasMessageContaining("defaultTimeout");
        assertThatThrownBy(() -> valid().maxTimeout(null).build()).hasMessageContaining("maxTimeout");
        assertThatThrownBy(() -> valid().reaperInterval(null).build()).hasMessageContaining("reaperInterval");
        assertThatThrownBy(() -> valid().retryDelay(null).build()).hasMessageContaining("retryDelay");
    }

    /** A log that claims to survive crashes, to check that it demands a stable node id. */
    private static final class DurableLog implements TransactionLog {
        @Override
        public void writeDecision(CommitDecision decision) {
        }

        @Override
        public void writeDone(GlobalId globalId) {
        }

        @Override
        public void writeHeuristic(HeuristicRecord record) {
        }

        @Override
        public void forgetHeuristic(io.pactum.xid.PactumXid xid) {
        }

        @Override
        public List<CommitDecision> pendingDecisions() {
            return List.of();
        }

        @Override
        public List<HeuristicRecord> heuristics() {
            return List.of();
        }

        @Override
        public boolean isDurable() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
