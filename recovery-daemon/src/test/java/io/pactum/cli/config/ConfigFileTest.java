package io.pactum.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config file is read in full and checked at once; every problem says what to change. */
class ConfigFileTest {
    @TempDir
    Path dir;

    private Config load(String text, Map<String, String> env) throws IOException, ConfigException {
        Path file = dir.resolve("pactum.properties");
        Files.writeString(file, text);
        return ConfigFile.load(file, env::get);
    }

    private Config load(String text) throws IOException, ConfigException {
        return load(text, Map.of());
    }

    @Test
    void aFileJournalNodeWithTwoDataSources() throws Exception {
        Config c = load("""
                node.id = orders-1
                log.directory = log
                resource.pg-orders.url = jdbc:postgresql://db1/orders
                resource.pg-orders.user = app
                resource.pg-orders.password = ${ORDERS_PASSWORD}
                resource.my.payments.url = jdbc:mysql://db2/payments
                recovery.interval = 5s
                recovery.orphan-safety-interval = 0s
                recovery.takeover = node-7, node-9
                audit.file = /var/log/pactum-audit.log
                """, Map.of("ORDERS_PASSWORD", "s3cret"));

        assertThat(c.nodeId()).contains("orders-1");
        assertThat(c.log()).isEqualTo(new Config.FileLog(dir.resolve("log")));
        assertThat(c.resources()).containsExactly(
                new Config.ResourceSettings("my.payments", "jdbc:mysql://db2/payments", null, null),
                new Config.ResourceSettings("pg-orders", "jdbc:postgresql://db1/orders", "app", "s3cret"));
        assertThat(c.recoveryInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.orphanSafetyInterval()).isZero();
        assertThat(c.takeover()).containsExactlyInAnyOrder("node-7", "node-9");
        assertThat(c.auditFile()).isEqualTo(Path.of("/var/log/pactum-audit.log"));
    }

    @Test
    void aDataSourceThatHoldsDecisionsNamesItsTable() throws Exception {
        Config c = load("""
                log.directory = log
                resource.pg.url = jdbc:postgresql://db1/orders
                resource.pg.decision-table = app.pactum_decisions
                """);
        assertThat(c.resources()).containsExactly(new Config.ResourceSettings("pg", "jdbc:postgresql://db1/orders",
                null, null, "app.pactum_decisions"));
        assertThatThrownBy(() -> load("""
                log.directory = log
                resource.pg.url = jdbc:postgresql://db1/orders
                resource.pg.decision-table = x; drop table y
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("resource.pg.decision-table")
                .hasMessageContaining("not a table name");
    }

    @Test
    void defaultsAndThePostgresLog() throws Exception {
        Config c = load("""
                node.id = n1
                log.postgres.url = jdbc:postgresql://db/pactum
                log.postgres.user = pactum
                log.postgres.password = ${PW}-x
                resource.a.url = jdbc:postgresql://db/a
                """, Map.of("PW", "pw"));

        assertThat(c.log()).isEqualTo(new Config.PostgresLog("jdbc:postgresql://db/pactum", "pactum", "pw-x", "pactum_log"));
        assertThat(c.recoveryInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.orphanSafetyInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.takeover()).isEmpty();
        assertThat(c.auditFile()).isEqualTo(dir.resolve("pactum-audit.log"));
        assertThat(c.log().toString()).doesNotContain("pw-x");
    }

    @Test
    void theNodeIdMayComeFromTheLogDirectory() throws Exception {
        assertThat(load("log.directory = /var/lib/pactum\n").nodeId()).isEmpty();
    }

    @Test
    void everyProblemIsListedWithItsFix() {
        assertThatThrownBy(() -> load("""
                node.id = bad id!
                log.directory = /x
                log.postgres.url = jdbc:postgresql://db/pactum
                resource.a.uri = jdbc:postgresql://db/a
                resource.b.url = jdbc:oracle:thin:@db
                resource.c.url = jdbc:mysql://db/c
                resource.d.url = jdbc:mariadb://db/d
                resource.c.password = ${MISSING}
                recovery.interval = 30
                recovery.orphan-safety-interval = -5s
                recovery.takeover = n2, bad!id
                colour = blue
                """))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(10))
                .hasMessageContaining("node.id 'bad id!' is not a node id")
                .hasMessageContaining("both log.directory and log.postgres.* are set")
                .hasMessageContaining("unknown setting 'resource.a.uri' (a data source takes resource.NAME.url")
                .hasMessageContaining("resource.b.url 'jdbc:oracle:thin:@db' is not a URL the CLI can reach")
                .hasMessageContaining("resource.d.url 'jdbc:mariadb://db/d': the CLI ships mysql-connector-j")
                .hasMessageContaining("resource.c.password uses ${MISSING}, which is not set in the environment")
                .hasMessageContaining("recovery.interval: '30' is not a duration: write a number and a unit")
                .hasMessageContaining("recovery.orphan-safety-interval: '-5s' is not a duration")
                .hasMessageContaining("recovery.takeover names 'bad!id'")
                .hasMessageContaining("unknown setting 'colour'");
    }

    @Test
    void aLogIsRequiredAndAPostgresLogNeedsTheNodeId() {
        assertThatThrownBy(() -> load("resource.a.url = jdbc:postgresql://db/a\n"))
                .hasMessageContaining("no log is configured: set log.directory");
        assertThatThrownBy(() -> load("log.postgres.url = jdbc:postgresql://db/p\nlog.postgres.table = x;drop\n"))
                .hasMessageContaining("node.id is missing: a PostgreSQL log holds several nodes")
                .hasMessageContaining("log.postgres.table 'x;drop' is not a plain SQL identifier");
    }

    @Test
    void aMissingFileSaysSo() {
        assertThatThrownBy(() -> ConfigFile.load(dir.resolve("nope.properties")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("the config file does not exist");
    }

    @Test
    void durationsAsPeopleWriteThem() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.format(Duration.ofSeconds(192))).isEqualTo("3m12s");
        assertThat(Durations.format(Duration.ofSeconds(7500))).isEqualTo("2h5m");
        assertThat(Durations.format(Duration.ofHours(50))).isEqualTo("2d2h");
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("e.g. 500ms, 30s, 5m, 1h");
    }
}
