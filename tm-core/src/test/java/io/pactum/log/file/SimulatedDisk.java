package io.pactum.log.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A disk in memory that loses power on demand. Writes reach a file's durable content only when
 * the file is forced; directory changes (create, rename, delete) only when the directory is
 * synced. {@link #powerLoss} keeps what was durable plus, adversarially, a random prefix of what
 * was not: of the pending writes (the last one possibly torn at any byte), and of the pending
 * directory changes. After {@link #crashAfter(int)} operations, every call fails, as if the
 * machine had stopped at that instant.
 */
final class SimulatedDisk implements Storage {
    private static final class Content {
        byte[] bytes = new byte[0];

        Content copy() {
            Content c = new Content();
            c.bytes = bytes.clone();
            return c;
        }

        void write(long position, byte[] data) {
            int end = (int) position + data.length;
            if (end > bytes.length) {
                bytes = Arrays.copyOf(bytes, end);
            }
            System.arraycopy(data, 0, bytes, (int) position, data.length);
        }
    }

    /** One file: what is durable, what is current, and the writes in between. */
    private static final class Inode {
        Content durable = new Content();
        Content current = new Content();
        final List<long[]> pendingPositions = new ArrayList<>();
        final List<byte[]> pendingData = new ArrayList<>();
    }

    private Map<String, Inode> dir = new HashMap<>();
    private Map<String, Inode> durableDir = new HashMap<>();
    private final List<Runnable> pendingDirOps = new ArrayList<>();
    private int operationsLeft = Integer.MAX_VALUE;
    private boolean down;
    private long forces;

    /** The machine stops after this many more operations. */
    synchronized void crashAfter(int operations) {
        operationsLeft = operations;
    }

    synchronized boolean isDown() {
        return down;
    }

    synchronized long forces() {
        return forces;
    }

    private void tick() throws IOException {
        if (down || operationsLeft-- <= 0) {
            down = true;
            throw new IOException("simulated machine stop");
        }
    }

    /** Power comes back: the disk holds what was durable and a random part of what was not. */
    synchronized void powerLoss(Random random) {
        int dirOpsKept = random.nextInt(pendingDirOps.size() + 1);
        Map<String, Inode> after = new HashMap<>(durableDir);
        Map<String, Inode> saved = dir;
        dir = after;
        for (int i = 0; i < dirOpsKept; i++) {
            pendingDirOps.get(i).run();
        }
        pendingDirOps.clear();
        for (Inode inode : new java.util.HashSet<>(dir.values())) {
            Content c = inode.durable.copy();
            int kept = random.nextInt(inode.pendingData.size() + 1);
            for (int i = 0; i < kept; i++) {
                byte[] data = inode.pendingData.get(i);
                if (i == kept - 1 && random.nextBoolean()) {
                    data = Arrays.copyOf(data, random.nextInt(data.length + 1)); // torn
                }
                c.write(inode.pendingPositions.get(i)[0], data);
            }
            inode.durable = c;
            inode.current = c.copy();
            inode.pendingData.clear();
            inode.pendingPositions.clear();
        }
        durableDir = new HashMap<>(dir);
        down = false;
        operationsLeft = Integer.MAX_VALUE;
        saved.clear();
    }

    /** Flips one byte of a file (durably), as a failing disk would. */
    synchronized void corrupt(String name, int offset) {
        Inode inode = dir.get(name);
        inode.current.bytes[offset] ^= 0x5A;
        inode.durable = inode.current.copy();
    }

    synchronized int sizeOf(String name) {
        return dir.get(name).current.bytes.length;
    }

    /** Total bytes of all files. */
    synchronized long totalSize() {
        long total = 0;
        for (Inode i : dir.values()) {
            total += i.current.bytes.length;
        }
        return total;
    }

    @Override
    public synchronized List<String> list() throws IOException {
        tick();
        return new ArrayList<>(dir.keySet());
    }

    @Override
    public synchronized StorageFile open(String name, boolean create) throws IOException {
        tick();
        Inode inode = dir.get(name);
        if (inode == null) {
            if (!create) {
                throw new java.nio.file.NoSuchFileException(name);
            }
            Inode created = new Inode();
            dir.put(name, created);
            pendingDirOps.add(() -> dir.put(name, created));
            inode = created;
        }
        return new SimFile(inode);
    }

    @Override
    public synchronized void delete(String name) throws IOException {
        tick();
        dir.remove(name);
        pendingDirOps.add(() -> dir.remove(name));
    }

    @Override
    public synchronized void rename(String from, String to) throws IOException {
        tick();
        Inode inode = dir.remove(from);
        if (inode == null) {
            throw new java.nio.file.NoSuchFileException(from);
        }
        dir.put(to, inode);
        pendingDirOps.add(() -> {
            Inode i = dir.remove(from);
            if (i != null) {
                dir.put(to, i);
            }
        });
    }

    @Override
    public synchronized void syncDirectory() throws IOException {
        tick();
        durableDir = new HashMap<>(dir);
        pendingDirOps.clear();
    }

    @Override
    public String describe() {
        return "simulated-disk";
    }

    private final class SimFile implements StorageFile {
        private final Inode inode;

        SimFile(Inode inode) {
            this.inode = inode;
        }

        @Override
        public long size() throws IOException {
            synchronized (SimulatedDisk.this) {
                tick();
                return inode.current.bytes.length;
            }
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            synchronized (SimulatedDisk.this) {
                tick();
                byte[] b = inode.current.bytes;
                if (position >= b.length) {
                    return -1;
                }
                int n = (int) Math.min(dst.remaining(), b.length - position);
                dst.put(b, (int) position, n);
                return n;
            }
        }

        @Override
        public void write(ByteBuffer src, long position) throws IOException {
            synchronized (SimulatedDisk.this) {
                tick();
                byte[] data = new byte[src.remaining()];
                src.get(data);
                inode.current.write(position, data);
                inode.pendingPositions.add(new long[] {position});
                inode.pendingData.add(data);
            }
        }

        @Override
        public void force() throws IOException {
            synchronized (SimulatedDisk.this) {
                tick();
                inode.durable = inode.current.copy();
                inode.pendingData.clear();
                inode.pendingPositions.clear();
                forces++;
            }
        }

        @Override
        public void close() {
        }
    }
}
