package io.pactum.cli.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What --json writes parses as JSON; tables line up. */
class TextTest {
    @Test
    void jsonThatAParserReadsBack() throws Exception {
        Map<String, Object> o = Json.object();
        o.put("text", "quote \" backslash \\ newline \n tab \t bell \u0007");
        o.put("n", 42);
        o.put("ok", true);
        o.put("none", null);
        o.put("at", Instant.parse("2026-11-26T10:00:00Z"));
        o.put("list", Arrays.asList(1, "two", null));
        JsonNode n = new ObjectMapper().readTree(Json.write(o));
        assertThat(n.get("text").asText()).isEqualTo(o.get("text"));
        assertThat(n.get("n").asInt()).isEqualTo(42);
        assertThat(n.get("ok").asBoolean()).isTrue();
        assertThat(n.get("none").isNull()).isTrue();
        assertThat(n.get("at").asText()).isEqualTo("2026-11-26T10:00:00Z");
        assertThat(n.get("list")).hasSize(3);
    }

    @Test
    void columnsAreAsWideAsTheirWidestCell() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        new Table("XID", "RESOURCE").row("n1:1:1#1", "pg").row("x", null).print(new PrintStream(b, true, StandardCharsets.UTF_8));
        assertThat(b.toString(StandardCharsets.UTF_8).lines().toList()).isEqualTo(List.of(
                "XID       RESOURCE", "n1:1:1#1  pg", "x         -"));
    }
}
