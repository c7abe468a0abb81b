package io.pactum.cli.ops;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Map;

/**
 * The audit file: one line per manual action (and per refusal), appended and synced before the
 * command reports it. Who (OS user and host), when, what, with what result:
 * <pre>
 * 2026-11-26T10:41:07.120Z user=alice host=ops-1 node=orders-1 action=rollback xid=orders-1:18c2f3a4b5e:42#2 resource=my-payments force=false result=refused reason="..."
 * </pre>
 */
public final class Audit implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final Clock clock;
    private final String who;

    private Audit(Path file, FileChannel channel, Clock clock, String who) {
        this.file = file;
        this.channel = channel;
        this.clock = clock;
        this.who = who;
    }

    /** Opens the audit file for appending, before anything is done: no action goes unrecorded. */
    public static Audit open(Path file, Clock clock) throws IOException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            return new Audit(file, ch, clock, "user=" + quote(System.getProperty("user.name", "unknown")) + " host="
                    + quote(host()));
        } catch (IOException e) {
            throw new IOException("cannot open the audit file " + file + " (" + e.getMessage() + "): set audit.file to "
                    + "a file this user may append to; nothing was done", e);
        }
    }

    /** Appends one line: {@code fields} in order, after who and when. */
    public void record(Map<String, ?> fields) throws IOException {
        StringBuilder line = new StringBuilder(clock.instant().toString()).append(' ').append(who);
        fields.forEach((k, v) -> line.append(' ').append(k).append('=').append(quote(String.valueOf(v))));
        line.append('\n');
        ByteBuffer b = ByteBuffer.wrap(line.toString().getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            channel.write(b);
        }
        channel.force(false);
    }

    public Path file() {
        return file;
    }

    /** A value as is when it is one word, else in double quotes with quotes and backslashes escaped. */
    static String quote(String v) {
        if (!v.isEmpty() && v.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '\\' || c == '=')) {
            return v;
        }
        return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "unknown" : env;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
