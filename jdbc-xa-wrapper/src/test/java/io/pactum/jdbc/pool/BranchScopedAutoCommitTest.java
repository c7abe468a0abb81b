package io.pactum.jdbc.pool;

import static javax.transaction.xa.XAResource.TMNOFLAGS;
import static javax.transaction.xa.XAResource.TMSUCCESS;
import static javax.transaction.xa.XAResource.XA_RDONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.xid.NodeId;
import io.pactum.xid.PactumXid;
import io.pactum.xid.XidFactory;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.Test;

/** What reaches the driver of a MySQL-like connection, in and out of a branch. */
class BranchScopedAutoCommitTest {
    /** The driver's calls that talk to the server: autocommit switches and XA calls. */
    private final List<String> sent = new ArrayList<>();
    private boolean serverAutoCommit = true;
    private int prepareVote = XAResource.XA_OK;
    private XAException commitFailure;

    private final XAConnection session;
    private final Connection handle;
    private final XAResource resource;
    private final XidFactory xids = new XidFactory(new NodeId("n1"));
    private final Xid xid = new PactumXid(xids.newGlobalId(), 1);

    BranchScopedAutoCommitTest() throws SQLException {
        session = BranchScopedAutoCommit.around(driverDataSource()).getXAConnection();
        handle = session.getConnection();
        resource = session.getXAResource();
    }

    private XADataSource driverDataSource() {
        Connection connection = proxy(Connection.class, (name, args) -> switch (name) {
            case "getAutoCommit" -> serverAutoCommit;
            case "setAutoCommit" -> {
                serverAutoCommit = (Boolean) args[0];
                sent.add("SET autocommit=" + (serverAutoCommit ? 1 : 0));
                yield null;
            }
            default -> throw new AssertionError("unexpected call " + name);
        });
        XAResource driver = proxy(XAResource.class, (name, args) -> {
            sent.add("XA " + name);
            if (name.equals("prepare")) {
                return prepareVote;
            }
            if (name.equals("commit") && commitFailure != null) {
                throw commitFailure;
            }
            // the driver compares with its own resources only, not with wrappers of them
            return name.equals("isSameRM") ? Proxy.isProxyClass(args[0].getClass()) : null;
        });
        XAConnection xa = proxy(XAConnection.class, (name, args) -> switch (name) {
            case "getConnection" -> connection;
            case "getXAResource" -> driver;
            default -> null;
        });
        return proxy(XADataSource.class, (name, args) -> xa);
    }

    private interface Call {
        Object answer(String method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Call call) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> call.answer(method.getName(), args)));
    }

    /** What a pool does with a connection for one transaction, in order. */
    private void branchOpened() throws Exception {
        resource.start(xid, TMNOFLAGS);
        assertThat(handle.getAutoCommit()).isTrue();
        handle.setAutoCommit(false);
    }

    @Test
    void aCommittedBranchSendsOnlyItsXaCalls() throws Exception {
        branchOpened();
        assertThat(handle.getAutoCommit()).isFalse();
        resource.end(xid, TMSUCCESS);
        resource.prepare(xid);
        resource.commit(xid, false);
        assertThat(handle.getAutoCommit()).as("the server's again").isTrue();
        handle.setAutoCommit(true);

        assertThat(sent).containsExactly("XA start", "XA end", "XA prepare", "XA commit");
    }

    @Test
    void rollbackEndsTheBranchToo() throws Exception {
        branchOpened();
        resource.end(xid, TMSUCCESS);
        resource.rollback(xid);
        handle.setAutoCommit(true);

        assertThat(handle.getAutoCommit()).isTrue();
        assertThat(sent).containsExactly("XA start", "XA end", "XA rollback");
    }

    @Test
    void aReadOnlyVoteEndsTheBranch() throws Exception {
        prepareVote = XA_RDONLY;
        branchOpened();
        resource.end(xid, TMSUCCESS);
        resource.prepare(xid);

        assertThat(handle.getAutoCommit()).isTrue();
    }

    /** The connection is destroyed after an XA error anyway; it still says what the server has. */
    @Test
    void aFailedCommitEndsTheBranch() throws Exception {
        commitFailure = new XAException(XAException.XAER_RMFAIL);
        branchOpened();
        resource.end(xid, TMSUCCESS);

        assertThatThrownBy(() -> resource.commit(xid, true)).isSameAs(commitFailure);
        assertThat(handle.getAutoCommit()).isTrue();
    }

    @Test
    void theEndOfAnotherXidLeavesTheBranchAlone() throws Exception {
        branchOpened();
        resource.rollback(new PactumXid(xids.newGlobalId(), 1));

        assertThat(handle.getAutoCommit()).isFalse();
    }

    @Test
    void outsideABranchSwitchesReachTheServerUnlessTheyChangeNothing() throws Exception {
        handle.setAutoCommit(true);
        handle.setAutoCommit(false);
        handle.setAutoCommit(false);
        handle.setAutoCommit(true);

        assertThat(sent).containsExactly("SET autocommit=0", "SET autocommit=1");
    }

    @Test
    void aBranchStartedWithAutocommitOffKeepsItOffAfterwards() throws Exception {
        handle.setAutoCommit(false);
        resource.start(xid, TMNOFLAGS);
        assertThat(handle.getAutoCommit()).isFalse();
        resource.end(xid, TMSUCCESS);
        resource.commit(xid, true);

        assertThat(handle.getAutoCommit()).isFalse();
        assertThat(sent).containsExactly("SET autocommit=0", "XA start", "XA end", "XA commit");
    }

    @Test
    void isSameRmComparesTheDriversResources() throws Exception {
        XAResource other = BranchScopedAutoCommit.around(driverDataSource()).getXAConnection().getXAResource();

        assertThat(resource.isSameRM(other)).isTrue();
        assertThat(sent).containsExactly("XA isSameRM");
    }
}
