package io.pactum.twopc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.testing.ScriptedResource;
import io.pactum.testing.Trace;
import io.pactum.xid.NodeId;
import io.pactum.xid.PactumXid;
import io.pactum.xid.XidFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where a phase's calls run, and that each() returns only once every call has. */
class FanoutTest {
    private final AtomicInteger inFlight = new AtomicInteger(1);
    private final Fanout fanout = Fanout.upTo(1, Duration.ZERO, inFlight::get);
    private final XidFactory xids = new XidFactory(new NodeId("n1"));
    private final Set<String> threads = ConcurrentHashMap.newKeySet();
    private final String caller = Thread.currentThread().getName();

    @AfterEach
    void close() {
        fanout.close();
    }

    private List<Branch> branches(XAResource... resources) {
        List<Branch> result = new ArrayList<>();
        var id = xids.newGlobalId();
        for (int i = 0; i < resources.length; i++) {
            result.add(new Branch(new PactumXid(id, i + 1), resources[i], "R" + i, false));
        }
        return result;
    }

    private List<Branch> branches(int n) {
        XAResource[] resources = new XAResource[n];
        for (int i = 0; i < n; i++) {
            resources[i] = new ScriptedResource("R" + i, new Trace());
        }
        return branches(resources);
    }

    private void record(Branch b) {
        threads.add(Thread.currentThread().getName());
    }

    @Test
    void everyBranchButTheLastRunsOnAHelper() {
        fanout.each(branches(3), this::record);

        assertThat(threads).contains(caller).hasSizeGreaterThan(1)
                .allMatch(name -> name.equals(caller) || name.startsWith("pactum-phase-"));
    }

    @Test
    void eachReturnsOnlyWhenEveryCallHasReturned() {
        AtomicInteger done = new AtomicInteger();
        fanout.each(branches(4), b -> {
            if (!Thread.currentThread().getName().equals(caller)) {
                sleep(50);
            }
            done.incrementAndGet();
        });

        assertThat(done).hasValue(4);
    }

    @Test
    void aFailureOnAHelperIsThrownToTheCallerAfterTheOthersRan() {
        AtomicInteger ran = new AtomicInteger();
        List<Branch> two = branches(2);

        assertThatThrownBy(() -> fanout.each(two, b -> {
            ran.incrementAndGet();
            if (b == two.get(0)) {
                throw new IllegalStateException("boom");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(ran).hasValue(2);
    }

    @Test
    void beyondTheLimitOfTransactionsInFlightCallsRunOnTheCaller() {
        inFlight.set(2);

        fanout.each(branches(3), this::record);

        assertThat(threads).containsExactly(caller);
    }

    @Test
    void fastCallsStayOnTheCallerUntilSampledPhasesShowSlowOnes() {
        Fanout picky = Fanout.upTo(1, Duration.ofMillis(1), inFlight::get);
        try {
            for (int i = 0; i < 64; i++) {
                picky.each(branches(2), this::record);
            }
            assertThat(threads).containsExactly(caller);

            for (int i = 0; i < 64 && threads.size() == 1; i++) {
                picky.each(branches(2), b -> {
                    record(b);
                    sleep(3);
                });
            }
            assertThat(threads).as("side by side once calls took 3 ms").hasSizeGreaterThan(1);
        } finally {
            picky.close();
        }
    }

    @Test
    void branchesOnOneResourceObjectRunOneAfterAnother() {
        ScriptedResource shared = new ScriptedResource("R", new Trace());

        fanout.each(branches(shared, shared), this::record);

        assertThat(threads).containsExactly(caller);
    }

    @Test
    void zeroAndAClosedFanoutRunEverythingOnTheCaller() {
        Fanout.upTo(0, Duration.ZERO, () -> 0).each(branches(2), this::record);
        fanout.close();
        fanout.each(branches(2), this::record);

        assertThat(threads).containsExactly(caller);
        assertThatThrownBy(() -> Fanout.upTo(-1, Duration.ZERO, () -> 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
