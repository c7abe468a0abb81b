package io.pactum.log.file;

import io.pactum.log.LogException;
import io.pactum.xid.NodeId;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.UUID;

/**
 * A log directory's ownership: the lock file that keeps a second process out (it names the
 * holder), and the node id that lives in the directory from its first start on.
 */
public final class LogDirectory implements AutoCloseable {
    static final String LOCK_FILE = "pactum.lock";
    static final String NODE_ID_FILE = "node-id";
    /**
     * Directories locked by this JVM. The operating system's lock belongs to the process, and
     * closing any channel on the lock file releases it: a second open in the same JVM must be
     * refused before it touches the file.
     */
    private static final java.util.Set<Path> HELD_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final NodeId nodeId;

    private LogDirectory(Path dir, FileChannel lockChannel, FileLock lock, NodeId nodeId) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.nodeId = nodeId;
    }

    /**
     * Creates the directory if needed, locks it and reads (or, on first start, writes) its node id.
     *
     * @param configuredNodeId the node id the configuration names, or null to take the stored one
     */
    public static LogDirectory open(Path dir, String configuredNodeId) throws LogException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new LogException("cannot create the log directory " + dir + ": " + e
                    + "; create it, or configure a directory this process may write", e);
        }
        Path key = realPath(dir);
        if (!HELD_HERE.add(key)) {
            throw new LogException("the log directory " + dir + " is in use by this process already: "
                    + "close the transaction manager that uses it, or give this one another log directory");
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(ch);
            if (lock == null) {
                throw new LogException("the log directory " + dir + " is in use by " + holder(ch)
                        + ": stop that process, or give this one another log directory");
            }
            writeHolder(ch);
            NodeId node = nodeId(dir, configuredNodeId);
            return new LogDirectory(key, ch, lock, node);
        } catch (IOException e) {
            closeQuietly(ch);
            HELD_HERE.remove(key);
            throw new LogException("cannot lock the log directory " + dir + ": " + e, e);
        } catch (LogException | RuntimeException e) {
            closeQuietly(ch);
            HELD_HERE.remove(key);
            throw e;
        }
    }

    private static Path realPath(Path dir) throws LogException {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            throw new LogException("cannot resolve the log directory " + dir + ": " + e, e);
        }
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this same process through a path HELD_HERE did not recognise
        }
    }

    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(512);
        int n = ch.read(b, 0);
        String text = n <= 0 ? "" : new String(b.array(), 0, n, StandardCharsets.UTF_8).trim();
        return text.isEmpty() ? "another process" : "[" + text + "]";
    }

    private static void writeHolder(FileChannel ch) throws IOException {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        String text = "pid " + ProcessHandle.current().pid() + " on " + host + " since " + Instant.now()
                + " (" + ManagementFactory.getRuntimeMXBean().getName() + ")\n";
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
    }

    private static NodeId nodeId(Path dir, String configured) throws IOException, LogException {
        Path file = dir.resolve(NODE_ID_FILE);
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (!NodeId.isValid(stored)) {
                throw new LogException("the node id file " + file + " holds '" + stored + "', which is not a node id;"
                        + " it may be damaged: restore it from a backup of this directory");
            }
            if (configured != null && !configured.equals(stored)) {
                throw new LogException("the log directory " + dir + " belongs to node '" + stored
                        + "', but this process is configured as node '" + configured
                        + "': configure nodeId(\"" + stored + "\") or give this node its own log directory");
            }
            return new NodeId(stored);
        }
        NodeId node = new NodeId(configured != null ? configured : "node-" + UUID.randomUUID().toString().substring(0, 8));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap((node.value() + "\n").getBytes(StandardCharsets.US_ASCII)));
            ch.force(true);
        }
        new FileStorage(dir).syncDirectory();
        return node;
    }

    public NodeId nodeId() {
        return nodeId;
    }

    /** The node id a directory holds, read without locking it; empty when it has none. */
    public static java.util.Optional<NodeId> storedNodeId(Path dir) throws LogException {
        Path file = dir.resolve(NODE_ID_FILE);
        if (!Files.exists(file)) {
            return java.util.Optional.empty();
        }
        try {
            String stored = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (!NodeId.isValid(stored)) {
                throw new LogException("the node id file " + file + " holds '" + stored + "', which is not a node id");
            }
            return java.util.Optional.of(new NodeId(stored));
        } catch (IOException e) {
            throw new LogException("cannot read " + file + ": " + e, e);
        }
    }

    public Path path() {
        return dir;
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(lockChannel);
        HELD_HERE.remove(dir);
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }
}
