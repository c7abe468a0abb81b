package io.pactum.cli;

import static io.pactum.cli.Operations.MY;
import static io.pactum.cli.Operations.OLD_EPOCH;
import static io.pactum.cli.Operations.PG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactum.cli.xid.XidText;
import io.pactum.xid.GlobalId;
import io.pactum.xid.PactumXid;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crashed application left four kinds of prepared branches in PostgreSQL and MariaDB: one of
 * a transaction that decided to commit, one of a transaction without a decision, one of another
 * node and one of another transaction manager. {@code pactum list} and {@code show} tell them
 * apart and say what to do with each.
 */
class ListAndShowTest {
    @TempDir
    Path dir;
    private Operations ops;
    private PactumXid decidedPg;
    private PactumXid decidedMy;
    private PactumXid undecided;
    private PactumXid otherNode;
    private Xid foreign;

    @BeforeEach
    void crashedApplication() throws Exception {
        ops = new Operations(dir);
        GlobalId decided = ops.transaction(OLD_EPOCH);
        decidedPg = Operations.branch(decided, 1);
        decidedMy = Operations.branch(decided, 2);
        ops.prepare(PG, decidedPg, 1);
        ops.prepare(MY, decidedMy, 1);
        ops.decide(decided, Map.of(decidedPg, PG, decidedMy, MY));
        undecided = Operations.branch(ops.transaction(OLD_EPOCH), 1);
        ops.prepare(MY, undecided, 2);
        otherNode = Operations.branch(ops.transaction("other-" + ops.node.substring(4), Instant.now()), 1);
        ops.prepare(PG, otherNode, 3);
        foreign = ops.foreignXid();
        ops.prepare(PG, foreign, 4);
    }

    @AfterEach
    void cleanUp() throws Exception {
        ops.close();
    }

    @Test
    void listJoinsEveryPreparedBranchWithTheLog() {
        Operations.Result list = ops.pactum("list", "--json");

        assertThat(list.code()).as(list.toString()).isZero();
        JsonNode json = list.json();
        assertThat(json.get("node").asText()).isEqualTo(ops.node);
        assertThat(json.get("holder").get("state").asText()).isEqualTo("none");
        assertThat(json.get("failures").size()).isZero();

        JsonNode pg = ops.listed(list, decidedPg, PG);
        assertThat(pg.get("owner").asText()).isEqualTo("ours");
        assertThat(pg.get("decision").asText()).isEqualTo("commit");
        assertThat(pg.get("ageSeconds").asLong()).isBetween(74L, 600L);
        assertThat(pg.get("suggestedAction").asText()).isEqualTo("commit");
        assertThat(ops.listed(list, decidedMy, MY).get("suggestedAction").asText()).isEqualTo("commit");

        JsonNode orphan = ops.listed(list, undecided, MY);
        assertThat(orphan.get("decision").asText()).isEqualTo("none");
        assertThat(orphan.get("suggestedAction").asText()).isEqualTo("rollback");
        assertThat(orphan.get("reason").asText()).contains("presumed abort");

        JsonNode other = ops.listed(list, otherNode, PG);
        assertThat(other.get("owner").asText()).isEqualTo("other-node");
        assertThat(other.get("suggestedAction").asText()).isEqualTo("none");

        JsonNode alien = ops.listed(list, foreign, PG);
        assertThat(alien.get("owner").asText()).isEqualTo("foreign");
        assertThat(alien.get("xid").asText()).isEqualTo(XidText.hex(foreign));
        assertThat(alien.get("node").isNull()).isTrue();
    }

    @Test
    void theHumanTableSaysTheSameWithReasons() {
        Operations.Result list = ops.pactum("list");

        assertThat(list.code()).as(list.toString()).isZero();
        assertThat(list.out()).startsWith("node " + ops.node + ", file journal " + ops.logDir + ", not in use");
        assertThat(list.out()).containsPattern("XID +RESOURCE +OWNER +STATE +DECISION +AGE +SUGGESTED");
        assertThat(list.out()).containsPattern(decidedPg + " +pg +ours +prepared +commit +1m1\\ds +commit");
        assertThat(list.out()).containsPattern(undecided + " +my +ours +prepared +none +- +rollback");
        assertThat(list.out()).containsPattern(otherNode + " +pg +other node +prepared +\\? +- +none");
        assertThat(list.out()).containsPattern(XidText.hex(foreign) + " +pg +foreign +prepared +\\? +- +none");
        assertThat(list.out()).contains(undecided + " on my: no decision was logged and the process that began it");
    }

    @Test
    void showTellsEverythingAboutATransaction() {
        Operations.Result show = ops.pactum("show", decidedPg.globalId().toString());

        assertThat(show.code()).as(show.toString()).isZero();
        assertThat(show.out()).contains("transaction " + decidedPg.globalId())
                .contains("node        " + ops.node + " (this node)")
                .contains("the process started " + Instant.ofEpochMilli(OLD_EPOCH.toEpochMilli()))
                .contains("decision    commit, decided ").contains("branches #1 pg, #2 my")
                .containsPattern("log +decided +" + decidedPg.globalId() + " .*\\(journal-\\d+\\.log at offset \\d+\\)")
                .contains("branch " + decidedPg).contains("branch " + decidedMy)
                .contains("  postgresql  " + XidText.postgresGid(decidedPg))
                .contains("  suggested   commit: its transaction decided to commit");
    }

    @Test
    void showTakesTheXidAsEachDatabaseSpellsIt() {
        for (String form : new String[] {decidedPg.toString(), XidText.hex(decidedPg), XidText.postgresGid(decidedPg),
                XidText.mysql(decidedPg)}) {
            Operations.Result show = ops.pactum("show", "--json", form);
            assertThat(show.code()).as(form + "\n" + show).isZero();
            JsonNode json = show.json();
            assertThat(json.get("branches")).as(form).hasSize(1);
            assertThat(json.get("branches").get(0).get("resource").asText()).isEqualTo(PG);
            assertThat(json.get("decision").get("branches")).hasSize(2);
            assertThat(json.get("records").get(0).get("type").asText()).isEqualTo("decided");
            assertThat(json.get("transaction").get("ours").asBoolean()).isTrue();
        }
        Operations.Result foreignShow = ops.pactum("show", "--json", XidText.mysql(foreign));
        assertThat(foreignShow.code()).as(foreignShow.toString()).isZero();
        assertThat(foreignShow.json().get("transaction").isNull()).isTrue();
        assertThat(foreignShow.json().get("branches").get(0).get("owner").asText()).isEqualTo("foreign");
    }

    @Test
    void aDataSourceTheLogNamesButTheConfigLacksIsPointedOut() throws Exception {
        GlobalId g = ops.transaction(OLD_EPOCH);
        ops.decide(g, Map.of(Operations.branch(g, 1), PG, Operations.branch(g, 2), "ledger"));

        Operations.Result list = ops.pactum("list", "--json");

        assertThat(list.code()).as(list.toString()).isZero();
        assertThat(list.json().get("unconfiguredResources").toString()).isEqualTo("[\"ledger\"]");
        assertThat(list.err()).contains("the log names data source ledger, which the config does not: add "
                + "resource.ledger.url");
    }

    @Test
    void anXidNobodyKnowsIsNotFoundAndABadOneIsAUsageError() {
        Operations.Result unknown = ops.pactum("show", ops.node + ":1:999#1");
        assertThat(unknown.code()).as(unknown.toString()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(unknown.err()).contains("no configured database and no log record knows " + ops.node + ":1:999#1");

        Operations.Result bad = ops.pactum("show", "not-an-xid");
        assertThat(bad.code()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("'not-an-xid' is not an XID").contains("usage: pactum show");
    }
}
