package io.pactum.cli.demo;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Pactum's informational log lines (journal opened, data source started) out of the
 * demo's story while it runs; warnings and errors still show.
 */
final class QuietLogs implements AutoCloseable {
    private final Logger logger;
    private final Level before;

    private QuietLogs(Logger logger) {
        this.logger = logger;
        this.before = logger.getLevel();
        logger.setLevel(Level.WARNING);
    }

    static QuietLogs belowWarning() {
        return new QuietLogs(Logger.getLogger("io.pactum"));
    }

    @Override
    public void close() {
        logger.setLevel(before);
    }
}
