package io.pactum.cli.xid;

import io.pactum.xid.GlobalId;
import io.pactum.xid.NodeId;
import io.pactum.xid.PactumXid;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.transaction.xa.Xid;

/**
 * XIDs as operators type and read them. Accepted forms:
 * <ul>
 * <li>the operator form Pactum logs: {@code node:epoch-hex:sequence#branch}, e.g.
 * {@code orders-1:18c2f3a4b5e:42#2}, or without {@code #branch} for every branch of the
 * transaction;</li>
 * <li>the hex form {@code format-hex:gtrid-hex:bqual-hex}, e.g. {@code 5043544d:0108...:0100000002},
 * which names any XID, Pactum's or not;</li>
 * <li>PostgreSQL's gid as {@code pg_prepared_xacts} shows it: {@code format_base64(gtrid)_base64(bqual)};</li>
 * <li>MySQL's and MariaDB's {@code XA COMMIT} argument: {@code X'gtrid-hex',X'bqual-hex',format}.</li>
 * </ul>
 */
public final class XidText {
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern OPERATOR = Pattern.compile("([A-Za-z0-9._-]{1,32}):([0-9a-fA-F]{1,16}):(\\d{1,19})(?:#(\\d{1,10}))?");
    private static final Pattern HEX_FORM = Pattern.compile("(?:0x)?([0-9a-fA-F]{1,8}):(?:0x)?([0-9a-fA-F]*):(?:0x)?([0-9a-fA-F]*)");
    private static final Pattern PG_GID = Pattern.compile("(-?\\d{1,10})_([A-Za-z0-9+/=]*)_([A-Za-z0-9+/=]*)");
    private static final Pattern MYSQL = Pattern.compile("[xX]'([0-9a-fA-F]*)'\\s*,\\s*[xX]'([0-9a-fA-F]*)'\\s*,\\s*(-?\\d{1,10})");

    private XidText() {
    }

    /**
     * Reads an XID or a transaction in one of the forms above.
     *
     * @throws IllegalArgumentException naming the forms, when the text is none of them
     */
    public static XidPattern parse(String text) {
        try {
            return read(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an XID (" + e.getMessage() + "): write it as pactum "
                    + "list shows it (node:epoch:sequence#branch, or node:epoch:sequence for a whole transaction), "
                    + "in hex (format:gtrid:bqual), as PostgreSQL's gid (format_base64_base64) or as MySQL's "
                    + "X'..',X'..',format");
        }
    }

    private static XidPattern read(String t) {
        Matcher m = OPERATOR.matcher(t);
        if (m.matches()) {
            GlobalId g = globalId(m.group(1), Long.parseUnsignedLong(m.group(2), 16), Long.parseLong(m.group(3)));
            if (m.group(4) == null) {
                return XidPattern.transaction(g);
            }
            int branch = Integer.parseInt(m.group(4));
            if (branch < 1) {
                throw new IllegalArgumentException("branch numbers start at 1");
            }
            return XidPattern.branch(new PactumXid(g, branch));
        }
        m = HEX_FORM.matcher(t);
        if (m.matches()) {
            return XidPattern.branch(raw((int) Long.parseLong(m.group(1), 16), HEX.parseHex(even(m.group(2))),
                    HEX.parseHex(even(m.group(3)))));
        }
        m = MYSQL.matcher(t);
        if (m.matches()) {
            return XidPattern.branch(raw(Integer.parseInt(m.group(3)), HEX.parseHex(even(m.group(1))),
                    HEX.parseHex(even(m.group(2)))));
        }
        m = PG_GID.matcher(t);
        if (m.matches()) {
            try {
                return XidPattern.branch(raw(Integer.parseInt(m.group(1)), Base64.getDecoder().decode(m.group(2)),
                        Base64.getDecoder().decode(m.group(3))));
            } catch (IllegalArgumentException e) {
                // not base64 after all: reported below
            }
        }
        throw new IllegalArgumentException("none of the forms matches");
    }

    private static String even(String hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException(hex + " has an odd number of hex digits");
        }
        return hex.toLowerCase(Locale.ROOT);
    }

    /** A Pactum XID when the bytes are one, else the raw XID. */
    private static Xid raw(int format, byte[] gtrid, byte[] bqual) {
        RawXid raw = new RawXid(format, gtrid, bqual);
        return PactumXid.parse(raw).<Xid>map(x -> x).orElse(raw);
    }

    /** Builds a gtrid from its parts, in the layout {@link GlobalId} documents. */
    static GlobalId globalId(String node, long epoch, long sequence) {
        if (!NodeId.isValid(node)) {
            throw new IllegalArgumentException("'" + node + "' is not a node id");
        }
        byte[] name = node.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(2 + name.length + 16);
        b.put(GlobalId.VERSION).put((byte) name.length).put(name).putLong(epoch).putLong(sequence);
        return GlobalId.parse(b.array()).orElseThrow();
    }

    /** The operator form of a Pactum XID, the hex form of any other. */
    public static String format(Xid xid) {
        return PactumXid.parse(xid).map(PactumXid::toString).orElseGet(() -> hex(xid));
    }

    /** {@code format-hex:gtrid-hex:bqual-hex}: names any XID exactly. */
    public static String hex(Xid xid) {
        return Integer.toHexString(xid.getFormatId()) + ":" + HEX.formatHex(xid.getGlobalTransactionId()) + ":"
                + HEX.formatHex(xid.getBranchQualifier());
    }

    /** The gid PostgreSQL's {@code pg_prepared_xacts} shows for a branch pgjdbc prepared. */
    public static String postgresGid(Xid xid) {
        Base64.Encoder b64 = Base64.getEncoder();
        return xid.getFormatId() + "_" + b64.encodeToString(xid.getGlobalTransactionId()) + "_"
                + b64.encodeToString(xid.getBranchQualifier());
    }

    /** The XID as MySQL's and MariaDB's {@code XA COMMIT} and {@code XA ROLLBACK} take it. */
    public static String mysql(Xid xid) {
        return "X'" + HEX.formatHex(xid.getGlobalTransactionId()) + "',X'" + HEX.formatHex(xid.getBranchQualifier())
                + "'," + xid.getFormatId();
    }

    /** Whether two XIDs are the same, whatever their classes. */
    public static boolean same(Xid a, Xid b) {
        return RawXid.of(a).equals(RawXid.of(b));
    }

    /** The Pactum XID of any XID, when it is one. */
    public static Optional<PactumXid> pactum(Xid xid) {
        return PactumXid.parse(xid);
    }
}
