package io.pactum.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.log.HeuristicOutcome;
import io.pactum.testing.Scenario;
import io.pactum.xid.GlobalId;
import jakarta.transaction.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTest {

    @Test
    void everyIdIsPactumAndFourDigits() {
        for (Message m : Message.values()) {
            assertThat(m.id()).as(m.name()).matches("PACTUM-\\d{4}");
        }
    }

    @Test
    void noIdIsUsedTwice() {
        List<String> ids = Arrays.stream(Message.values()).map(Message::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    /** 1xxx start and stop, 2xxx transactions, 3xxx XA branches. */
    @Test
    void everyIdIsInADocumentedRange() {
        for (Message m : Message.values()) {
            assertThat(m.id().charAt(7)).as(m.name()).isBetween('1', '4');
        }
    }

    @Test
    void aFormattedMessageStartsWithItsIdAndFillsInTheArguments() {
        assertThat(Message.TIMED_OUT.format("node-1:abc:7", 30))
                .isEqualTo("PACTUM-2001 Transaction node-1:abc:7 passed its timeout of 30 s and was rolled back");
    }

    @Test
    void listenersKeepHearingWhenOneThrows() {
        List<String> heard = new ArrayList<>();
        TransactionListener throwing = new TransactionListener() {
            @Override
            public void begun(GlobalId id) {
                heard.add("first.begun");
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void committed(GlobalId id, long elapsedNanos) {
                heard.add("first.committed");
                throw new IllegalStateException("listener bug");
            }
        };
        Listeners listeners = new Listeners(List.of(throwing, recorder("second", heard), recorder("third", heard)));

        listeners.begun(null);
        listeners.committed(null, 1);

        assertThat(heard).containsExactly(
                "first.begun", "second.begun", "third.begun",
                "first.committed", "second.committed", "third.committed");
    }

    @Test
    void listenersKeepHearingEveryEventWhenOneAlwaysThrows() {
        List<String> heard = new ArrayList<>();
        Listeners listeners = new Listeners(List.of(alwaysThrowing(), recorder("second", heard)));

        listeners.begun(null);
        listeners.prepared(null, 2);
        listeners.decided(null);
        listeners.committed(null, 1);
        listeners.rolledBack(null, RollbackReason.APPLICATION);
        listeners.heuristic(null, "A", HeuristicOutcome.MIXED);
        listeners.timedOut(null);

        assertThat(heard).containsExactly("second.begun", "second.prepared", "second.decided", "second.committed",
                "second.rolledBack", "second.heuristic", "second.timedOut");
    }

    @Test
    void aThrowingListenerDoesNotDisturbTheTransaction() throws Exception {
        List<String> heard = new ArrayList<>();
        try (Scenario s = new Scenario(b -> b.listener(alwaysThrowing()).listener(recorder("second", heard)))) {
            s.tm.begin();
            s.tm.getTransaction().enlistResource(s.resource("A"));
            s.tm.commit();
            assertThat(s.tm.getStatus()).isEqualTo(Status.STATUS_NO_TRANSACTION);
            assertThat(s.trace.events()).contains("A.commit(1,1pc)");
        }
        assertThat(heard).containsExactly("second.begun", "second.committed");
    }

    private static TransactionListener alwaysThrowing() {
        return new TransactionListener() {
            @Override
            public void begun(GlobalId id) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void prepared(GlobalId id, int branches) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void decided(GlobalId id) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void committed(GlobalId id, long elapsedNanos) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void rolledBack(GlobalId id, RollbackReason reason) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void heuristic(GlobalId id, String resourceName, HeuristicOutcome outcome) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void timedOut(GlobalId id) {
                throw new IllegalStateException("listener bug");
            }
        };
    }

    private static TransactionListener recorder(String name, List<String> heard) {
        return new TransactionListener() {
            @Override
            public void begun(GlobalId id) {
                heard.add(name + ".begun");
            }

            @Override
            public void prepared(GlobalId id, int branches) {
                heard.add(name + ".prepared");
            }

            @Override
            public void decided(GlobalId id) {
                heard.add(name + ".decided");
            }

            @Override
            public void committed(GlobalId id, long elapsedNanos) {
                heard.add(name + ".committed");
            }

            @Override
            public void rolledBack(GlobalId id, RollbackReason reason) {
                heard.add(name + ".rolledBack");
            }

            @Override
            public void heuristic(GlobalId id, String resourceName, HeuristicOutcome outcome) {
                heard.add(name + ".heuristic");
            }

            @Override
            public void timedOut(GlobalId id) {
                heard.add(name + ".timedOut");
            }
        };
    }
}
