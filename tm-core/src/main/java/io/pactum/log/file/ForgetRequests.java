package io.pactum.log.file;

import io.pactum.xid.GlobalId;
import io.pactum.xid.PactumXid;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An operator's requests to forget heuristic outcomes, as files in the log directory. Only the
 * process holding a journal may write it, so {@code pactum forget} leaves a request there while
 * the application runs, and the journal carries it out (at its next recovery scan, or when it
 * is next opened), then deletes the file.
 *
 * <p>A request is {@code forget-<gtrid in hex>-<branch number>.request}; it holds the branch's
 * operator form, for people who list the directory. It is written under a temporary name,
 * synced, and renamed, so a request is either whole or absent.
 */
final class ForgetRequests {
    private static final Pattern NAME = Pattern.compile("forget-([0-9a-f]+)-([0-9]{1,10})\\.request");
    private static final HexFormat HEX = HexFormat.of();

    /** One request file: its name, and the branch it names (empty when it names none). */
    record Request(String file, Optional<PactumXid> xid) {
    }

    private ForgetRequests() {
    }

    static String fileName(PactumXid xid) {
        return "forget-" + HEX.formatHex(xid.getGlobalTransactionId()) + "-" + xid.branchNumber() + ".request";
    }

    /** Leaves a durable request; returns its file name. Writing the same request again is harmless. */
    static String write(Storage storage, PactumXid xid) throws IOException {
        String name = fileName(xid);
        String temporary = name + ".tmp";
        try (Storage.StorageFile f = storage.open(temporary, true)) {
            f.write(ByteBuffer.wrap((xid + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            f.force();
        }
        storage.rename(temporary, name);
        storage.syncDirectory();
        return name;
    }

    /** The requests waiting in the directory; files named like one that name no branch come back empty. */
    static List<Request> pending(Storage storage) throws IOException {
        List<Request> found = new ArrayList<>();
        for (String name : storage.list()) {
            if (name.startsWith("forget-") && name.endsWith(".request")) {
                found.add(new Request(name, parse(name)));
            }
        }
        return found;
    }

    private static Optional<PactumXid> parse(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches() || m.group(1).length() % 2 != 0) {
            return Optional.empty();
        }
        long branch = Long.parseLong(m.group(2));
        if (branch < 1 || branch > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return GlobalId.parse(HEX.parseHex(m.group(1))).map(g -> new PactumXid(g, (int) branch));
    }
}
