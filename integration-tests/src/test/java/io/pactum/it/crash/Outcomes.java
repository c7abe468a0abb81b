package io.pactum.it.crash;

import io.pactum.xid.GlobalId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the child JVM knows about its transactions, in a file the test reads after the crash:
 * {@code decided ID} once the commit decision is durable (synced before the protocol goes on,
 * so a decided transaction is never missing from it), {@code committed ID} when {@code commit()}
 * returned, {@code mixed ID} when it threw a heuristic exception.
 */
final class Outcomes {
    private final FileChannel file;

    Outcomes(Path path) throws IOException {
        this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    void decided(GlobalId id) {
        write("decided " + id, true);
    }

    void committed(GlobalId id) {
        write("committed " + id, false);
    }

    void mixed(GlobalId id) {
        write("mixed " + id, false);
    }

    private synchronized void write(String line, boolean sync) {
        try {
            ByteBuffer b = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII));
            while (b.hasRemaining()) {
                file.write(b);
            }
            if (sync) {
                file.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids recorded with one word ("decided", "committed", "mixed"). */
    static Set<String> read(Path path, String word) throws IOException {
        Set<String> ids = new HashSet<>();
        if (!Files.exists(path)) {
            return ids;
        }
        String text = Files.readString(path, StandardCharsets.US_ASCII);
        // a line the kill cut short has no newline yet: it was never recorded
        List<String> lines = List.of(text.substring(0, text.lastIndexOf('\n') + 1).split("\n"));
        for (String line : lines) {
            if (line.startsWith(word + " ")) {
                ids.add(line.substring(word.length() + 1));
            }
        }
        return ids;
    }
}
