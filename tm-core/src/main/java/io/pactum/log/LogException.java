package io.pactum.log;

/** The transaction log could not do what was asked; whatever was being written is not durable. */
public class LogException extends Exception {
    public LogException(String message) {
        super(message);
    }

    public LogException(String message, Throwable cause) {
        super(message, cause);
    }
}
