package io.pactum.event;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.text.MessageFormat;

/**
 * One catalogued message: its stable id ({@code PACTUM-nnnn}), level and pattern, and the
 * logger it goes to. The message catalogues of tm-core ({@link Message}), the JDBC data sources
 * and the daemon each keep one per constant.
 */
public final class MessageText {
    private final String id;
    private final Level level;
    private final String pattern;
    private final Logger logger;

    public MessageText(int number, Level level, String pattern, String loggerName) {
        this.id = "PACTUM-" + number;
        this.level = level;
        this.pattern = pattern;
        this.logger = System.getLogger(loggerName);
    }

    public String id() {
        return id;
    }

    public boolean enabled() {
        return logger.isLoggable(level);
    }

    public String format(Object... args) {
        return id + " " + MessageFormat.format(pattern, args);
    }

    /** Logs the message, with its cause when there is one (null: none). */
    public void log(Throwable cause, Object... args) {
        if (logger.isLoggable(level)) {
            if (cause == null) {
                logger.log(level, format(args));
            } else {
                logger.log(level, format(args), cause);
            }
        }
    }
}
