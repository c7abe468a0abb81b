package io.pactum.tx;

/** What one thread holds for one transaction manager: its transaction and its timeout. */
final class ThreadContext {
    PactumTransaction transaction;
    /** Seconds; 0 means the configured default. */
    int timeoutSeconds;
}
