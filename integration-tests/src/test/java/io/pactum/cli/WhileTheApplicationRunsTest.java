package io.pactum.cli;

import static io.pactum.cli.Operations.MY;
import static io.pactum.cli.Operations.OLD_EPOCH;
import static io.pactum.cli.Operations.PG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactum.xid.GlobalId;
import io.pactum.xid.PactumXid;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application runs (another JVM holds the node's log). The operator commands still read the
 * log and act on the databases, and leave alone what the application may still decide.
 */
class WhileTheApplicationRunsTest {
    @TempDir
    Path dir;
    private Operations ops;
    private Process app;
    private PactumXid decided;
    private PactumXid fromEarlierProcess;
    private PactumXid inFlight;

    @BeforeEach
    void runningApplication() throws Exception {
        ops = new Operations(dir);
        GlobalId g = ops.transaction(OLD_EPOCH);
        decided = Operations.branch(g, 1);
        ops.prepare(PG, decided, 1);
        ops.decide(g, Map.of(decided, PG, Operations.branch(g, 2), MY));
        fromEarlierProcess = Operations.branch(ops.transaction(OLD_EPOCH), 1);
        ops.prepare(MY, fromEarlierProcess, 2);
        app = HoldLog.start(ops.logDir, ops.node);
        inFlight = Operations.branch(ops.transaction(Instant.now()), 1); // begun by the running process
        ops.prepare(PG, inFlight, 3);
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            HoldLog.stop(app);
        } finally {
            ops.close();
        }
    }

    @Test
    void listReadsTheHeldLogAndNamesItsHolder() {
        Operations.Result list = ops.pactum("list", "--json");

        assertThat(list.code()).as(list.toString()).isZero();
        JsonNode holder = list.json().get("holder");
        assertThat(holder.get("state").asText()).isEqualTo("running");
        assertThat(holder.get("description").asText()).startsWith("[pid " + app.pid() + " on ");
        assertThat(ops.listed(list, decided, PG).get("suggestedAction").asText()).isEqualTo("commit");
        assertThat(ops.listed(list, fromEarlierProcess, MY).get("suggestedAction").asText()).isEqualTo("rollback");
        JsonNode running = ops.listed(list, inFlight, PG);
        assertThat(running.get("suggestedAction").asText()).isEqualTo("wait");
        assertThat(running.get("reason").asText()).contains("may still be running in [pid " + app.pid());
        assertThat(ops.pactum("list").out()).contains("in use by [pid " + app.pid());
    }

    @Test
    void aTransactionThatMayStillBeRunningIsNotTouchedUnlessForced() throws Exception {
        Operations.Result rollback = ops.pactum("rollback", inFlight.toString());

        assertThat(rollback.code()).as(rollback.toString()).isEqualTo(ExitCode.REFUSED);
        assertThat(rollback.err()).contains("has no decision yet and may still be running in [pid " + app.pid())
                .contains("may still decide to commit it");
        assertThat(ops.stillPrepared()).contains("pg " + inFlight);

        Operations.Result forced = ops.pactum("rollback", "--force", inFlight.toString());
        assertThat(forced.code()).as(forced.toString()).isZero();
        assertThat(ops.auditLines()).last().asString().contains("force=true result=rolled-back");
    }

    @Test
    void whatTheLogSettledIsDoneOnTheDatabasesDirectly() throws Exception {
        assertThat(ops.pactum("commit", decided.toString()).code()).isZero();
        assertThat(ops.pactum("rollback", fromEarlierProcess.toString()).code()).isZero();

        assertThat(ops.committed(PG, 1)).isTrue();
        assertThat(ops.committed(MY, 2)).isFalse();
        assertThat(ops.stillPrepared()).containsExactly("pg " + inFlight);
    }
}
