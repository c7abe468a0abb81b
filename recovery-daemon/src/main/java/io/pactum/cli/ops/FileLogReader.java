package io.pactum.cli.ops;

import io.pactum.log.LogException;
import io.pactum.log.file.FileJournal;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a file journal without its lock ({@link FileJournal#inspect}) and tells who holds the
 * lock: Linux lists every POSIX lock in {@code /proc/locks}; elsewhere the holder the lock file
 * names is checked when it runs on this host. The lock file is only read when another process
 * holds it: a process that closes any descriptor of a file loses its POSIX locks on it.
 */
public final class FileLogReader {
    static final String LOCK_FILE = "pactum.lock";
    /** What LogDirectory writes into the lock file. */
    private static final Pattern HOLDER = Pattern.compile("pid (\\d+) on (\\S+) since (\\S+).*", Pattern.DOTALL);
    private static final Path PROC_LOCKS = Path.of("/proc/locks");

    private FileLogReader() {
    }

    public static LogView read(Path dir) throws LogException {
        if (!Files.isDirectory(dir)) {
            throw new LogException("the log directory " + dir + " does not exist: set log.directory to the directory "
                    + "the application's transaction manager uses (logDirectory)");
        }
        List<LogView.Record> records = new ArrayList<>();
        FileJournal.Inspection i = FileJournal.inspect(dir, (where, entry) -> records.add(new LogView.Record(where, entry)));
        return new LogView(i.node(), "file journal " + dir, i.pending(), i.heuristics(), records, holder(dir));
    }

    /** Who holds the log directory's lock now. */
    public static Holder holder(Path dir) {
        Path lock = dir.resolve(LOCK_FILE);
        if (!Files.exists(lock)) {
            return Holder.none("never opened");
        }
        Optional<Long> locker = lockerFromProc(lock);
        long self = ProcessHandle.current().pid();
        if (locker != null && locker.isPresent() && locker.get() == self) {
            // Never open the lock file here: closing it would drop this process's own POSIX lock.
            return new Holder(Holder.State.RUNNING, "this process (pid " + self + ")", Optional.empty(), Duration.ZERO);
        }
        String text = readQuietly(lock);
        Matcher m = HOLDER.matcher(text.trim());
        Optional<Long> pid = m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
        Optional<Instant> since = m.matches() ? instant(m.group(3)) : Optional.empty();
        String named = text.isBlank() ? "another process" : "[" + text.trim() + "]";
        if (locker != null) {
            if (locker.isEmpty()) {
                return Holder.none("last held by " + named);
            }
            boolean same = pid.equals(locker);
            return new Holder(Holder.State.RUNNING, same ? named : "pid " + locker.get(),
                    same ? since : Optional.empty(), Duration.ofSeconds(1));
        }
        if (m.matches() && m.group(2).equals(localHost())) {
            boolean alive = ProcessHandle.of(pid.get()).map(ProcessHandle::isAlive).orElse(false);
            return alive ? new Holder(Holder.State.RUNNING, named, since, Duration.ofSeconds(1))
                    : Holder.none("last held by " + named + ", which has ended");
        }
        return new Holder(Holder.State.UNKNOWN, named + " (not checked: it runs on another host)", since,
                Duration.ofMinutes(1));
    }

    /** The pid holding a POSIX lock on the file, empty when none; null when /proc/locks cannot tell. */
    private static Optional<Long> lockerFromProc(Path lock) {
        if (!Files.isReadable(PROC_LOCKS)) {
            return null;
        }
        try {
            long inode = ((Number) Files.getAttribute(lock, "unix:ino")).longValue();
            for (String line : Files.readAllLines(PROC_LOCKS, StandardCharsets.US_ASCII)) {
                // "1: POSIX  ADVISORY  WRITE 6256 fe:00:2146786 0 EOF"; waiters carry "->" after the number
                String[] f = line.replace("->", "").trim().split("\\s+");
                if (f.length >= 6 && f[1].equals("POSIX") && f[5].endsWith(":" + inode)) {
                    return Optional.of(Long.parseLong(f[4]));
                }
            }
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown host";
        }
    }
}
