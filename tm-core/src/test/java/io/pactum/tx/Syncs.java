package io.pactum.tx;

import jakarta.transaction.Synchronization;
import java.util.List;
import java.util.function.IntConsumer;

/** Synchronizations for tests, made from what they should do. */
final class Syncs {
    private Syncs() {
    }

    /** Writes {@code name.before} and {@code name.after(status)} into the list. */
    static Synchronization recording(String name, List<String> events) {
        return of(() -> events.add(name + ".before"), status -> events.add(name + ".after(" + Statuses.name(status)
                + ")"));
    }

    static Synchronization beforeCompletion(Runnable action) {
        return of(action, status -> { });
    }

    static Synchronization afterCompletion(IntConsumer action) {
        return of(() -> { }, action);
    }

    static Synchronization of(Runnable before, IntConsumer after) {
        return new Synchronization() {
            @Override
            public void beforeCompletion() {
                before.run();
            }

            @Override
            public void afterCompletion(int status) {
                after.accept(status);
            }
        };
    }
}
