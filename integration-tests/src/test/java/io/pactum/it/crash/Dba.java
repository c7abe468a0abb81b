package io.pactum.it.crash;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HexFormat;
import javax.transaction.xa.Xid;

/**
 * A database administrator who resolves a prepared branch by hand, in SQL, the way the
 * servers' manuals say: {@code COMMIT PREPARED 'gid'} / {@code ROLLBACK PREPARED 'gid'} in
 * PostgreSQL (pgjdbc's gid is {@code formatId_base64(gtrid)_base64(bqual)}), and
 * {@code XA COMMIT X'gtrid',X'bqual',formatId} / {@code XA ROLLBACK ...} in MariaDB.
 */
final class Dba {
    private Dba() {
    }

    static void commit(Db db, Xid xid) throws SQLException {
        run(db, db == Db.POSTGRESQL ? "COMMIT PREPARED '" + gid(xid) + "'" : "XA COMMIT " + mariaDbXid(xid));
    }

    static void rollBack(Db db, Xid xid) throws SQLException {
        run(db, db == Db.POSTGRESQL ? "ROLLBACK PREPARED '" + gid(xid) + "'" : "XA ROLLBACK " + mariaDbXid(xid));
    }

    private static String gid(Xid xid) {
        Base64.Encoder b64 = Base64.getEncoder();
        return xid.getFormatId() + "_" + b64.encodeToString(xid.getGlobalTransactionId()) + "_"
                + b64.encodeToString(xid.getBranchQualifier());
    }

    private static String mariaDbXid(Xid xid) {
        HexFormat hex = HexFormat.of();
        return "X'" + hex.formatHex(xid.getGlobalTransactionId()) + "',X'" + hex.formatHex(xid.getBranchQualifier())
                + "'," + xid.getFormatId();
    }

    private static void run(Db db, String sql) throws SQLException {
        try (Connection c = db.plain().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
