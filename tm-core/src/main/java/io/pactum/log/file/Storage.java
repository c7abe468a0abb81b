package io.pactum.log.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The files of one journal directory. The journal reaches the disk only through this, so that
 * tests can put a disk that loses unsynced writes in its place.
 */
public interface Storage {

    /** The names of the files in the directory, in no particular order. */
    List<String> list() throws IOException;

    /** Opens a file, creating it when {@code create} is true and it does not exist. */
    StorageFile open(String name, boolean create) throws IOException;

    void delete(String name) throws IOException;

    /** Renames a file atomically, replacing any file of the new name. */
    void rename(String from, String to) throws IOException;

    /** Makes the directory's entries (created and deleted files) durable. */
    void syncDirectory() throws IOException;

    /** A short description for messages, e.g. the directory's path. */
    String describe();

    /** One open file. */
    interface StorageFile extends Closeable {
        long size() throws IOException;

        /** Reads up to {@code dst.remaining()} bytes at {@code position}; returns -1 at the end. */
        int read(ByteBuffer dst, long position) throws IOException;

        /** Writes all of {@code src} at {@code position}. */
        void write(ByteBuffer src, long position) throws IOException;

        /** Makes every write so far durable (data, and the size where it changed). */
        void force() throws IOException;
    }
}
