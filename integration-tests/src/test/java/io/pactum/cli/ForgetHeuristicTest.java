package io.pactum.cli;

import static io.pactum.cli.Operations.MY;
import static io.pactum.cli.Operations.OLD_EPOCH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactum.log.HeuristicOutcome;
import io.pactum.xid.PactumXid;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MariaDB rolled back one branch of a transaction that decided to commit; the log keeps the
 * heuristic outcome until an operator has repaired the data and runs {@code pactum forget}.
 */
class ForgetHeuristicTest {
    @TempDir
    Path dir;
    private Operations ops;
    private PactumXid rolledBack;

    @BeforeEach
    void heuristicOutcome() throws Exception {
        ops = new Operations(dir);
        rolledBack = Operations.branch(ops.transaction(OLD_EPOCH), 2);
        ops.heuristic(rolledBack, MY, HeuristicOutcome.ROLLED_BACK);
    }

    @AfterEach
    void cleanUp() throws Exception {
        ops.close();
    }

    @Test
    void listShowsItUntilItIsForgotten() throws Exception {
        Operations.Result list = ops.pactum("list", "--json");
        JsonNode row = ops.listed(list, rolledBack, MY);
        assertThat(row.get("prepared").asBoolean()).isFalse();
        assertThat(row.get("heuristic").get("outcome").asText()).isEqualTo("ROLLED_BACK");
        assertThat(row.get("heuristic").get("decidedCommit").asBoolean()).isTrue();
        assertThat(row.get("suggestedAction").asText()).isEqualTo("forget");
        assertThat(ops.pactum("list").out()).containsPattern(rolledBack + " +my +ours +heuristic ROLLED_BACK");

        Operations.Result forget = ops.pactum("forget", rolledBack.toString());

        assertThat(forget.code()).as(forget.toString()).isZero();
        assertThat(forget.out()).contains("forgot " + rolledBack + " (ROLLED_BACK on my): my no longer lists it; log: forgotten");
        assertThat(ops.pactum("log", "--json").json().get("heuristics")).isEmpty();
        assertThat(ops.pactum("list", "--json").json().get("branches").toString()).doesNotContain(rolledBack.toString());
        assertThat(ops.auditLines()).singleElement().asString().contains("action=forget xid=" + rolledBack
                + " resource=my outcome=ROLLED_BACK result=forgotten");

        Operations.Result again = ops.pactum("forget", rolledBack.toString());
        assertThat(again.code()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(again.err()).contains("the log records no heuristic outcome for " + rolledBack);
    }

    /** Only the process holding a file journal writes it: the running application forgets on request. */
    @Test
    void theApplicationHoldingTheJournalForgetsItAtItsNextRecoveryScan() throws Exception {
        Process app = HoldLog.startRecovering(ops.logDir, ops.node);
        try {
            Operations.Result forget = ops.pactum("forget", rolledBack.toString());

            assertThat(forget.code()).as(forget.toString()).isZero();
            assertThat(forget.out()).contains("forgot " + rolledBack + " (ROLLED_BACK on my): my no longer lists it; "
                    + "log: forgotten");
            assertThat(ops.pactum("log", "--json").json().get("heuristics")).isEmpty();
            assertThat(ops.auditLines()).singleElement().asString().contains("result=forgotten");
            assertThat(requests()).isEmpty();
        } finally {
            HoldLog.stop(app);
        }
    }

    /** A holder that runs no recovery scan: the request waits for the journal's next open. */
    @Test
    void aRequestTheHolderDoesNotCarryOutInTimeStaysUntilTheJournalIsNextOpened() throws Exception {
        Process app = HoldLog.start(ops.logDir, ops.node);
        try {
            Operations.Result forget = ops.pactum("forget", "--wait", "1s", rolledBack.globalId().toString());

            assertThat(forget.code()).as(forget.toString()).isEqualTo(ExitCode.FAILED);
            assertThat(forget.out()).contains("could not forget " + rolledBack)
                    .contains("still requested: the journal is held by [pid " + app.pid())
                    .contains("when the journal is next opened");
            assertThat(ops.pactum("log", "--json").json().get("heuristics")).hasSize(1);
            assertThat(requests()).hasSize(1);
            assertThat(ops.auditLines()).singleElement().asString().contains("result=failed");
        } finally {
            HoldLog.stop(app);
        }
        Process next = HoldLog.start(ops.logDir, ops.node);
        HoldLog.stop(next);
        assertThat(ops.pactum("log", "--json").json().get("heuristics")).isEmpty();
        assertThat(requests()).isEmpty();
    }

    private List<Path> requests() throws Exception {
        try (Stream<Path> files = Files.list(ops.logDir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("forget-")).toList();
        }
    }
}
