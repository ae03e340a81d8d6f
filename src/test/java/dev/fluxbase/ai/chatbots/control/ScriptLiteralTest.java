package dev.fluxbase.ai.chatbots.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** JavaScript literals as JSON, and what cannot be read without running the file. */
class ScriptLiteralTest {

    @Test
    void objectsArraysStringsNumbersAndCommentsAreRead() {
        String text = "x = [ { name: 'a\\'b', n: -12.5, ok: true, none: undefined, \"q\": `t`, 3: null, /* c */ list: [1, 2,], }, // end\n ]";
        ScriptLiteral.Read read = ScriptLiteral.read(text, text.indexOf('['));
        assertThat(read.value().toString())
                .isEqualTo("[{\"name\":\"a'b\",\"n\":-12.5,\"ok\":true,\"none\":null,\"q\":\"t\",\"3\":null,\"list\":[1,2]}]");
        assertThat(read.end()).isEqualTo(text.length());
        assertThat(read.elementStarts()).containsExactly(text.indexOf('{'));
    }

    @Test
    void variablesSpreadsAndTemplatesWithExpressionsAreRefusedWithTheirOffset() {
        assertThatThrownBy(() -> ScriptLiteral.read("[schema]", 0)).isInstanceOf(ScriptLiteral.NotALiteral.class)
                .hasMessage("'schema' is not a literal value");
        assertThatThrownBy(() -> ScriptLiteral.read("[{...base}]", 0)).hasMessageContaining("spread");
        assertThatThrownBy(() -> ScriptLiteral.read("[`a ${b}`]", 0)).hasMessageContaining("template literal");
        assertThatThrownBy(() -> ScriptLiteral.read("[1 2]", 0)).hasMessage("expected ',' or ']'");
    }
}
