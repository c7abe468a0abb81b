package io.pactum.cli.daemon;

import java.util.logging.LogManager;

/**
 * java.util.logging's manager for the {@code pactum} process, which keeps log handlers through
 * JVM shutdown. The standard manager resets every logger from a shutdown hook of its own, which
 * runs beside the daemon's: on SIGTERM the daemon's last messages (the end of the current scan,
 * "stopped") would be lost. The daemon closes its handler itself when it stops.
 */
public final class DaemonLogManager extends LogManager {
    // Asked for by LogOutput.keepThroughShutdown(), by name: loading this class would start the standard manager.

    @Override
    public void reset() {
        if (Thread.currentThread().getClass().getName().startsWith(LogManager.class.getName() + "$")) {
            return; // the standard shutdown hook (LogManager$Cleaner)
        }
        super.reset();
    }
}
