package io.pactum.bench;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The directory durable logs go to: it must be on a real disk, since a log on tmpfs or another
 * memory file system makes every sync free and the figures meaningless.
 */
final class DiskDirectory {
    private static final List<String> IN_MEMORY = List.of("tmpfs", "ramfs", "devtmpfs", "overlay-tmpfs");

    private DiskDirectory() {
    }

    /** Creates the directory if needed and refuses one on a memory file system. */
    static Path check(Path dir) throws IOException {
        Path d = Files.createDirectories(dir).toAbsolutePath().normalize();
        FileStore store = Files.getFileStore(d);
        if (IN_MEMORY.contains(store.type())) {
            throw new IOException("the disk directory " + d + " is on " + store.type() + " (" + store.name()
                    + "), not on a disk: choose another with --disk-dir");
        }
        return d;
    }

    /** "ext4 (/dev/vda), 79.3 GiB free": what the report header says about the disk. */
    static String describe(Path dir) throws IOException {
        FileStore store = Files.getFileStore(check(dir));
        return String.format(java.util.Locale.ROOT, "%s, file system %s on %s, %.1f GiB free", check(dir),
                store.type(), store.name(), store.getUsableSpace() / (double) (1L << 30));
    }
}
