package io.pactum.cli;

/** The command line or the configuration is wrong; the message says what to change. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
