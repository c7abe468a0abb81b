package io.pactum.testing;

import io.pactum.Pactum;
import io.pactum.event.TransactionListener;
import io.pactum.tx.PactumTransactionManager;
import java.time.Duration;

/**
 * A transaction manager wired to a {@link Trace}, with resources named A, B, C... Its phases
 * call branches one after another, so that a trace has one order; a scenario may turn
 * side-by-side phases on ({@code b -> b.parallelPhases(n)}).
 */
public final class Scenario implements AutoCloseable {
    public final Trace trace = new Trace();
    public final TracingLog log = new TracingLog(trace);
    public final PactumTransactionManager tm;

    public Scenario() {
        this(b -> b);
    }

    public Scenario(java.util.function.UnaryOperator<Pactum.Builder> settings) {
        this.tm = settings.apply(Pactum.builder().nodeId("test-node").logStore(log).retryDelay(Duration.ZERO)
                .reaperInterval(Duration.ofMillis(20)).parallelPhases(0)).build();
    }

    public static Scenario withListener(TransactionListener listener) {
        return new Scenario(b -> b.listener(listener));
    }

    public ScriptedResource resource(String name) {
        return new ScriptedResource(name, trace);
    }

    @Override
    public void close() {
        tm.close();
    }
}
