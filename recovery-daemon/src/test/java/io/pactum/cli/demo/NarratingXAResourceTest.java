package io.pactum.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.Test;

/** The narrating decorator tells each call with the database's answer and changes neither. */
class NarratingXAResourceTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Narrator narrator = new Narrator(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    private final Xid xid = new DerbyKeepsPreparedBranchesTest.TestXid("t");

    /** A database whose answers the test chooses. */
    private static class Database implements XAResource {
        int vote = XA_OK;
        XAException prepareFailure;

        @Override
        public int prepare(Xid xid) throws XAException {
            if (prepareFailure != null) {
                throw prepareFailure;
            }
            return vote;
        }

        @Override
        public void commit(Xid xid, boolean onePhase) {
        }

        @Override
        public void end(Xid xid, int flags) {
        }

        @Override
        public void forget(Xid xid) {
        }

        @Override
        public int getTransactionTimeout() {
            return 0;
        }

        @Override
        public boolean isSameRM(XAResource xares) {
            return false;
        }

        @Override
        public Xid[] recover(int flag) {
            return new Xid[0];
        }

        @Override
        public void rollback(Xid xid) {
        }

        @Override
        public boolean setTransactionTimeout(int seconds) {
            return false;
        }

        @Override
        public void start(Xid xid, int flags) {
        }
    }

    private final Database database = new Database();
    private final XAResource told = new NarratingXAResource(database, "bank-a", narrator, new CrashPoint(false, narrator));

    @Test
    void aYesVoteIsToldAndReturned() throws Exception {
        assertThat(told.prepare(xid)).isEqualTo(XAResource.XA_OK);
        assertThat(output()).contains("bank-a", "xa_prepare", "-> XA_OK: votes yes");
    }

    @Test
    void aReadOnlyVoteIsToldAndReturned() throws Exception {
        database.vote = XAResource.XA_RDONLY;
        assertThat(told.prepare(xid)).isEqualTo(XAResource.XA_RDONLY);
        assertThat(output()).contains("-> XA_RDONLY");
    }

    @Test
    void aRefusedPrepareIsToldAsANoVoteAndThrownUnchanged() {
        XAException refusal = new XAException(XAException.XA_RBINTEGRITY);
        database.prepareFailure = refusal;
        assertThatThrownBy(() -> told.prepare(xid)).isSameAs(refusal);
        assertThat(output()).contains("xa_prepare", "XA_RBINTEGRITY", "votes no");
    }

    @Test
    void startAndEndNameTheirFlags() throws Exception {
        told.start(xid, XAResource.TMNOFLAGS);
        told.end(xid, XAResource.TMFAIL);
        assertThat(output()).contains("xa_start", "TMNOFLAGS", "xa_end", "TMFAIL", "undone");
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
