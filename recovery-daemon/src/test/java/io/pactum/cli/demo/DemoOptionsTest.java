package io.pactum.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {
    @Test
    void withoutOptionsTheDemoRunsOnEmbeddedDatabasesInPactumDemo() {
        DemoOptions o = DemoOptions.parse(List.of());
        assertThat(o.dir()).isEqualTo(Path.of("pactum-demo"));
        assertThat(o.onServers()).isFalse();
        assertThat(o.crash()).isFalse();
    }

    @Test
    void serversComeAsAPairWithOneUserForBoth() {
        DemoOptions o = DemoOptions.parse(List.of("--pg", "jdbc:postgresql://h/db", "--mysql", "jdbc:mysql://h/db",
                "--user", "u", "--password", "p", "--dir", "/tmp/x", "--crash"));
        assertThat(o.onServers()).isTrue();
        assertThat(o.user()).isEqualTo("u");
        assertThat(o.password()).isEqualTo("p");
        assertThat(o.dir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(o.crash()).isTrue();
    }

    @Test
    void oneServerAloneIsRefused() {
        assertThatThrownBy(() -> DemoOptions.parse(List.of("--pg", "jdbc:postgresql://h/db")))
                .hasMessageContaining("give both --pg URL and --mysql URL");
    }

    @Test
    void aUrlOfTheWrongDatabaseIsRefused() {
        assertThatThrownBy(() -> DemoOptions.parse(List.of("--pg", "jdbc:mysql://h/db", "--mysql", "jdbc:mysql://h/db")))
                .hasMessageContaining("--pg takes a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> DemoOptions.parse(List.of("--pg", "jdbc:postgresql://h/db", "--mysql", "mysql://h")))
                .hasMessageContaining("--mysql takes a jdbc:mysql://");
    }

    @Test
    void credentialsWithoutServersAreRefused() {
        assertThatThrownBy(() -> DemoOptions.parse(List.of("--user", "u")))
                .hasMessageContaining("--user and --password are for the servers");
    }

    @Test
    void anOptionWithoutItsValueIsRefused() {
        assertThatThrownBy(() -> DemoOptions.parse(List.of("--dir")))
                .hasMessage("--dir needs a value");
        assertThatThrownBy(() -> DemoOptions.parse(List.of("--pg", "--mysql", "jdbc:mysql://h/db")))
                .hasMessageContaining("--pg needs a value, not '--mysql'");
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertThatThrownBy(() -> DemoOptions.parse(List.of("--fast")))
                .hasMessage("unknown option '--fast'");
    }

    @Test
    void theCrashScenesChildRunsTheSameTransferWithoutThePasswordOnItsCommandLine() {
        DemoOptions o = DemoOptions.parse(List.of("--crash", "--dir", "d", "--pg", "jdbc:postgresql://h/db",
                "--mysql", "jdbc:mysql://h/db", "--user", "u", "--password", "secret"));
        assertThat(o.childArgs()).containsExactly("demo", "--dir", "d", "--halt-in-phase-2", "--pg",
                "jdbc:postgresql://h/db", "--mysql", "jdbc:mysql://h/db", "--user", "u");
    }
}
