package io.pactum.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.testing.Scenario;
import io.pactum.testing.ScriptedResource;
import io.pactum.testing.ScriptedResource.Outcome;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** delistResource ends the association: TMSUCCESS, TMFAIL (rollback-only) or TMSUSPEND, nothing else. */
class DelistResourceTest {
    private final Scenario s = new Scenario();
    private final ScriptedResource a = s.resource("A");
    private PactumTransaction tx;

    @AfterEach
    void close() {
        s.close();
    }

    private void begin() throws Exception {
        s.tm.begin();
        tx = s.tm.getTransaction();
        tx.enlistResource(a);
    }

    @Test
    void delistWithSuccessEndsTheBranchOnce() throws Exception {
        begin();
        assertThat(tx.delistResource(a, XAResource.TMSUCCESS)).isTrue();
        assertThat(tx.delistResource(a, XAResource.TMSUCCESS)).as("already ended").isFalse();
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ACTIVE);
        s.tm.commit();
        assertThat(s.trace.events()).containsExactly("A.start(1,TMNOFLAGS)", "A.end(1,TMSUCCESS)", "A.commit(1,1pc)");
    }

    @Test
    void enlistingAfterADelistJoinsTheBranch() throws Exception {
        begin();
        tx.delistResource(a, XAResource.TMSUCCESS);
        tx.enlistResource(a);
        s.tm.commit();
        assertThat(s.trace.events()).containsExactly("A.start(1,TMNOFLAGS)", "A.end(1,TMSUCCESS)",
                "A.start(1,TMJOIN)", "A.end(1,TMSUCCESS)", "A.commit(1,1pc)");
    }

    @Test
    void delistWithFailEndsTheBranchAndMarksTheTransactionRollbackOnly() throws Exception {
        begin();
        assertThat(tx.delistResource(a, XAResource.TMFAIL)).isTrue();
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_MARKED_ROLLBACK);
        assertThatThrownBy(s.tm::commit).isInstanceOf(RollbackException.class);
        assertThat(s.trace.events()).containsExactly("A.start(1,TMNOFLAGS)", "A.end(1,TMFAIL)", "A.rollback(1)");
        assertThat(a.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    }

    @Test
    void delistWithSuspendThenEnlistResumesTheBranch() throws Exception {
        begin();
        assertThat(tx.delistResource(a, XAResource.TMSUSPEND)).isTrue();
        assertThat(tx.delistResource(a, XAResource.TMSUSPEND)).as("already suspended").isFalse();
        tx.enlistResource(a);
        s.tm.commit();
        assertThat(s.trace.events()).containsExactly("A.start(1,TMNOFLAGS)", "A.end(1,TMSUSPEND)",
                "A.start(1,TMRESUME)", "A.end(1,TMSUCCESS)", "A.commit(1,1pc)");
    }

    @Test
    void commitEndsASuspendedBranch() throws Exception {
        begin();
        tx.delistResource(a, XAResource.TMSUSPEND);
        s.tm.commit();
        assertThat(s.trace.events()).containsExactly("A.start(1,TMNOFLAGS)", "A.end(1,TMSUSPEND)",
                "A.end(1,TMSUCCESS)", "A.commit(1,1pc)");
    }

    @ParameterizedTest
    @ValueSource(ints = {XAResource.TMNOFLAGS, XAResource.TMJOIN, XAResource.TMRESUME, XAResource.TMONEPHASE,
            XAResource.TMSUCCESS | XAResource.TMFAIL, 12345})
    void delistWithAnyOtherFlagThrowsIllegalArgumentAndTouchesNothing(int flag) throws Exception {
        begin();
        assertThatThrownBy(() -> tx.delistResource(a, flag)).isInstanceOf(IllegalArgumentException.class);
        assertThat(tx.getStatus()).isEqualTo(Status.STATUS_ACTIVE);
        assertThat(s.trace.events()).containsExactly("A.start(1,TMNOFLAGS)");
    }

    @Test
    void delistingAResourceThatWasNeverEnlistedReturnsFalse() throws Exception {
        begin();
        ScriptedResource b = s.resource("B");
        assertThat(tx.delistResource(b, XAResource.TMSUCCESS)).isFalse();
        assertThat(s.trace.only("B.")).isEmpty();
    }
}
