package io.pactum.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Catches what Pactum logs (through {@code java.util.logging}, the default System.Logger
 * backend) while it is open, instead of printing it, so a test can say which messages must
 * never appear. Close it to restore the console.
 */
public final class CapturedMessages implements AutoCloseable {
    private final Logger logger = Logger.getLogger("io.pactum"); // held: JUL keeps loggers weakly
    private final boolean parentHandlers = logger.getUseParentHandlers();
    private final Collector records = new Collector();

    private static final class Collector extends Handler {
        final ConcurrentLinkedQueue<LogRecord> records = new ConcurrentLinkedQueue<>();

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    public CapturedMessages() {
        records.setLevel(Level.ALL);
        logger.addHandler(records);
        logger.setUseParentHandlers(false);
    }

    /** The messages whose id ({@code PACTUM-nnnn}) is not among {@code allowed}, with their causes. */
    public List<String> except(Set<String> allowed) {
        List<String> result = new ArrayList<>();
        for (LogRecord r : records.records) {
            String message = r.getMessage();
            String id = message.split(" ", 2)[0];
            if (!allowed.contains(id)) {
                result.add(message
                        + (r.getThrown() == null ? "" : " caused by " + r.getThrown()));
            }
        }
        return result;
    }

    /** How many messages with this id ({@code PACTUM-nnnn}) were logged. */
    public long count(String id) {
        return records.records.stream().filter(r -> r.getMessage().startsWith(id + " ")).count();
    }

    @Override
    public void close() {
        logger.removeHandler(records);
        logger.setUseParentHandlers(parentHandlers);
    }
}
