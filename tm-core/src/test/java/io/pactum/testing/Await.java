package io.pactum.testing;

import java.util.function.BooleanSupplier;

/** Waits for something another thread (the reaper) does, by polling rather than by fixed sleeps. */
public final class Await {
    private static final long PATIENCE_MILLIS = 10_000;

    private Await() {
    }

    /** Returns once the condition holds; fails after 10 s, naming what did not happen. */
    public static void until(String what, BooleanSupplier condition) {
        long giveUp = System.nanoTime() + PATIENCE_MILLIS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - giveUp > 0) {
                throw new AssertionError("waited " + PATIENCE_MILLIS + " ms, but never: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }
}
