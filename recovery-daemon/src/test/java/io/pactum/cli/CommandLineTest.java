package io.pactum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the commands answer before they reach any database: help, wrong arguments, a wrong config. */
class CommandLineTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int pactum(String... args) {
        return Main.standard().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheOperatorCommands() {
        assertThat(pactum("help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("recover", "list", "show", "commit", "rollback",
                "forget", "log");
        assertThat(pactum("help", "rollback")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: pactum rollback --config FILE [--force]");
    }

    @Test
    void argumentsAreCheckedFirst() {
        assertThat(pactum("show", "--config", "x.properties")).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("pactum show: XID is missing").contains("usage: pactum show");
        assertThat(pactum("list", "--colour")).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("unknown option --colour");
    }

    @Test
    void aWrongConfigSaysWhatToChangeAndDoesNothing() throws Exception {
        Path config = dir.resolve("pactum.properties");
        Files.writeString(config, "node.id = n1\nresource.pg.url = jdbc:postgresql://db/x\nrecovery.interval = soon\n");

        assertThat(pactum("list", "--config", config.toString())).isEqualTo(ExitCode.USAGE);

        assertThat(err()).contains("pactum list: " + config).contains("no log is configured")
                .contains("recovery.interval: 'soon' is not a duration");
    }

    @Test
    void theDaemonWillNotMakeALogDirectoryOfItsOwn() throws Exception {
        Path config = dir.resolve("pactum.properties");
        Files.writeString(config, "log.directory = nowhere\nresource.pg.url = jdbc:postgresql://127.0.0.1:1/x\n");

        assertThat(pactum("recover", "--once", "--config", config.toString())).isEqualTo(ExitCode.FAILED);

        assertThat(err()).contains("is not a Pactum log directory (it has no node-id file)");
        assertThat(dir.resolve("nowhere")).doesNotExist();
    }
}
