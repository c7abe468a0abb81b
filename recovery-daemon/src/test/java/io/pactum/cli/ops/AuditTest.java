package io.pactum.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One line per action: who, when, what, result; values with spaces quoted. */
class AuditTest {
    @TempDir
    Path dir;

    @Test
    void linesAreAppendedWithWhoAndWhen() throws Exception {
        Path file = dir.resolve("sub/audit.log");
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:41:07Z"), ZoneOffset.UTC);
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("action", "rollback");
        what.put("result", "refused");
        what.put("reason", "it \"decided\" to commit");
        try (Audit a = Audit.open(file, clock)) {
            a.record(what);
        }
        try (Audit a = Audit.open(file, clock)) {
            a.record(Map.of("action", "commit"));
        }
        assertThat(Files.readAllLines(file)).hasSize(2).first().asString()
                .startsWith("2026-11-26T10:41:07Z user=" + Audit.quote(System.getProperty("user.name")) + " host=")
                .endsWith(" action=rollback result=refused reason=\"it \\\"decided\\\" to commit\"");
    }
}
