package io.pactum.xid;

import java.util.regex.Pattern;

/**
 * The identity of one transaction manager node; it is written into every gtrid so that
 * recovery only ever touches transactions of its own node.
 */
public record NodeId(String value) {
    public static final int MAX_LENGTH = 32;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

    public NodeId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("node id '" + value + "' is invalid: use 1 to " + MAX_LENGTH
                    + " characters from A-Z, a-z, 0-9, '.', '_' and '-'");
        }
    }

    public static boolean isValid(String value) {
        return value != null && ALLOWED.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
