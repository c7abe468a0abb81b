package io.pactum.cli.daemon;

import java.io.PrintStream;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Sends Pactum's log messages ({@code io.pactum.*}, which {@code System.Logger} hands to
 * java.util.logging) to a stream, one line each: {@code 2026-11-26T10:41:07.120Z INFO PACTUM-4001 ...}.
 * Undone by {@link #close()}, so that a command run inside another program leaves its logging as it was.
 */
public final class LogOutput implements AutoCloseable {
    private final Logger logger = Logger.getLogger("io.pactum"); // held: JUL keeps loggers weakly
    private final Handler handler;
    private final boolean parents;
    private final Level level;

    /**
     * Asks java.util.logging for {@link DaemonLogManager}; effective only when it has not started
     * yet in this JVM (a command run inside another program keeps that program's manager).
     */
    public static void keepThroughShutdown() {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "io.pactum.cli.daemon.DaemonLogManager");
        }
    }

    public LogOutput(PrintStream out) {
        this.parents = logger.getUseParentHandlers();
        this.level = logger.getLevel();
        this.handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (isLoggable(r)) {
                    out.print(getFormatter().format(r));
                    out.flush();
                }
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public void close() {
            }
        };
        handler.setFormatter(new OneLine());
        handler.setLevel(Level.INFO);
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.INFO);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(parents);
        logger.setLevel(level);
    }

    private static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord r) {
            StringBuilder b = new StringBuilder().append(Instant.ofEpochMilli(r.getMillis())).append(' ')
                    .append(level(r.getLevel())).append(' ').append(formatMessage(r)).append('\n');
            // The cause chain, not the stack: the message already says where and what to do.
            int depth = 0;
            for (Throwable t = r.getThrown(); t != null && depth < 4; t = t.getCause() == t ? null : t.getCause()) {
                b.append("    ").append(depth++ == 0 ? "because: " : "caused by: ").append(t).append('\n');
            }
            return b.toString();
        }

        private static String level(Level l) {
            return l.intValue() >= Level.SEVERE.intValue() ? "ERROR" : l.intValue() >= Level.WARNING.intValue() ? "WARN "
                    : l.intValue() >= Level.INFO.intValue() ? "INFO " : "DEBUG";
        }
    }
}
