package io.pactum.jdbc.dialect;

/** SQLSTATE facts shared by the dialects. */
final class SqlStates {
    private SqlStates() {
    }

    /** Class 08, connection exception: the standard's way of saying the connection is gone. */
    static boolean isConnectionException(String sqlState) {
        return sqlState != null && sqlState.startsWith("08");
    }
}
