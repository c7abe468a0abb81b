package io.pactum.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why the demo's embedded database is Derby: a branch it prepared is still there, listed by
 * {@code recover()}, after the preparing connection closed and the database was shut down and
 * booted again, and it can then be committed or rolled back. (H2 2.3 fails the first step: it
 * rolls a prepared branch back when its connection closes.) The crash scene's test covers the
 * same across a halted process.
 */
class DerbyKeepsPreparedBranchesTest {
    @TempDir
    Path dir;
    private EmbeddedDerby db;

    record TestXid(String gtrid) implements Xid {
        @Override
        public int getFormatId() {
            return 4711;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return gtrid.getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public byte[] getBranchQualifier() {
            return new byte[] {1};
        }
    }

    @BeforeEach
    void createAccount() throws SQLException {
        db = new EmbeddedDerby("bank-a", dir.resolve("bank-a"));
        execute("CREATE TABLE account (owner VARCHAR(32) PRIMARY KEY, balance INT NOT NULL)",
                "INSERT INTO account VALUES ('alice', 100)");
    }

    @AfterEach
    void shutDown() {
        db.shutdown();
    }

    @Test
    void aPreparedBranchSurvivesARestartAndCommitsAfterIt() throws Exception {
        Xid xid = new TestXid("transfer-1");
        prepareDebit(xid, 30);
        db.shutdown();

        XAConnection recovery = db.xaDataSource().getXAConnection();
        try {
            XAResource xa = recovery.getXAResource();
            assertThat(xa.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN))
                    .extracting(x -> new String(x.getGlobalTransactionId(), StandardCharsets.US_ASCII))
                    .containsExactly("transfer-1");
            xa.commit(xid, false);
            assertThat(xa.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).isEmpty();
        } finally {
            recovery.close();
        }
        assertThat(balance()).isEqualTo(70);
    }

    @Test
    void aPreparedBranchRolledBackAfterARestartLeavesNoTrace() throws Exception {
        Xid xid = new TestXid("transfer-2");
        prepareDebit(xid, 30);
        db.shutdown();

        XAConnection recovery = db.xaDataSource().getXAConnection();
        try {
            XAResource xa = recovery.getXAResource();
            assertThat(xa.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).hasSize(1);
            xa.rollback(xid);
        } finally {
            recovery.close();
        }
        assertThat(balance()).isEqualTo(100);
    }

    /** Takes money from alice in a branch, prepares it and closes the connection. */
    private void prepareDebit(Xid xid, int amount) throws Exception {
        XADataSource ds = db.xaDataSource();
        XAConnection c = ds.getXAConnection();
        try {
            XAResource xa = c.getXAResource();
            xa.start(xid, XAResource.TMNOFLAGS);
            try (Statement s = c.getConnection().createStatement()) {
                s.executeUpdate("UPDATE account SET balance = balance - " + amount + " WHERE owner = 'alice'");
            }
            xa.end(xid, XAResource.TMSUCCESS);
            assertThat(xa.prepare(xid)).isEqualTo(XAResource.XA_OK);
        } finally {
            c.close();
        }
    }

    private int balance() throws SQLException {
        XAConnection c = db.xaDataSource().getXAConnection();
        try (Connection conn = c.getConnection(); Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT balance FROM account WHERE owner = 'alice'")) {
            rs.next();
            return rs.getInt(1);
        } finally {
            c.close();
        }
    }

    private void execute(String... sql) throws SQLException {
        XAConnection c = db.xaDataSource().getXAConnection();
        try (Connection conn = c.getConnection(); Statement s = conn.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        } finally {
            c.close();
        }
    }
}
