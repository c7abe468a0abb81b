package io.pactum.tx;

import io.pactum.event.Message;
import jakarta.transaction.Synchronization;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;

/**
 * The synchronizations of one transaction. {@code beforeCompletion}: regular ones first, then
 * interposed ones; {@code afterCompletion}: interposed first, then regular. A synchronization
 * may register another while these run; it is run too. Registration happens under the
 * transaction's lock; beforeCompletion takes each next synchronization under it and calls it
 * without.
 */
final class Synchronizations {
    private List<Synchronization> regular = List.of();
    private List<Synchronization> interposed = List.of();

    void register(Synchronization s, boolean isInterposed) {
        if (isInterposed) {
            interposed = grow(interposed);
            interposed.add(s);
        } else {
            regular = grow(regular);
            regular.add(s);
        }
    }

    /** Most transactions have no synchronization: the lists are made on first use. */
    private static List<Synchronization> grow(List<Synchronization> list) {
        return list instanceof ArrayList ? list : new ArrayList<>(2);
    }

    /** Runs every beforeCompletion; returns the first failure (after which none runs), or null. */
    Throwable beforeCompletion(Object tx, Lock registration) {
        int r = 0;
        int i = 0;
        while (true) {
            Synchronization s;
            registration.lock();
            try {
                if (r < regular.size()) {
                    s = regular.get(r++);
                } else if (i < interposed.size()) {
                    s = interposed.get(i++);
                } else {
                    return null;
                }
            } finally {
                registration.unlock();
            }
            try {
                s.beforeCompletion();
            } catch (RuntimeException | Error e) {
                Message.BEFORE_COMPLETION_FAILED.log(e, s, tx);
                return e;
            }
        }
    }

    void afterCompletion(int status, Object tx) {
        for (int i = interposed.size() - 1; i >= 0; i--) {
            after(interposed.get(i), status, tx);
        }
        for (int i = regular.size() - 1; i >= 0; i--) {
            after(regular.get(i), status, tx);
        }
    }

    private static void after(Synchronization s, int status, Object tx) {
        try {
            s.afterCompletion(status);
        } catch (RuntimeException | Error e) {
            Message.AFTER_COMPLETION_FAILED.log(e, s, tx);
        }
    }
}
