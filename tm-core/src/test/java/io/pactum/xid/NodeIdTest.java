package io.pactum.xid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NodeIdTest {
    private static final String LONGEST = "n".repeat(NodeId.MAX_LENGTH);

    @ParameterizedTest
    @ValueSource(strings = {"a", "node-1", "Node_2.prod", "0", "ABCxyz019._-"})
    void acceptsLettersDigitsDotsUnderscoresAndDashes(String value) {
        assertThat(NodeId.isValid(value)).isTrue();
        assertThat(new NodeId(value).value()).isEqualTo(value);
        assertThat(new NodeId(value)).hasToString(value);
    }

    @Test
    void acceptsThirtyTwoCharacters() {
        assertThat(NodeId.MAX_LENGTH).isEqualTo(32);
        assertThat(new NodeId(LONGEST).value()).hasSize(32);
    }

    @Test
    void rejectsThirtyThreeCharacters() {
        assertThat(NodeId.isValid(LONGEST + "n")).isFalse();
        assertThatThrownBy(() -> new NodeId(LONGEST + "n")).isInstanceOf(IllegalArgumentException.class);
    }

    /** ':' separates the parts of a global id's operator form; '/' and spaces break file names and CLIs. */
    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "node 1", "node:1", "node/1", "n\u00e9ud", "\u0663", "node\n"})
    void rejectsAnythingElse(String value) {
        assertThat(NodeId.isValid(value)).isFalse();
        assertThatThrownBy(() -> new NodeId(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMessageSaysWhatANodeIdMayBeMadeOf() {
        assertThatThrownBy(() -> new NodeId("node 1"))
                .hasMessageContaining("'node 1'")
                .hasMessageContaining("1 to 32 characters")
                .hasMessageContaining("A-Z, a-z, 0-9, '.', '_' and '-'");
    }

    @Test
    void isAValue() {
        assertThat(new NodeId("a")).isEqualTo(new NodeId("a")).hasSameHashCodeAs(new NodeId("a"))
                .isNotEqualTo(new NodeId("A"));
    }
}
