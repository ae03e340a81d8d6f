package dev.fluxbase.ai.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextArrayConverterTest {

    private final TextArrayConverter converter = new TextArrayConverter();

    @Test
    void writesQuotedArrayLiteralsThatReadBack() {
        List<String> values = List.of("plain", "with,comma", "with \"quote\"", "back\\slash", "", "{braces}");
        Object literal = converter.convertToDatabaseColumn(values);
        assertThat(literal).isEqualTo("{\"plain\",\"with,comma\",\"with \\\"quote\\\"\",\"back\\\\slash\",\"\",\"{braces}\"}");
        assertThat(converter.convertToEntityAttribute(literal)).isEqualTo(values);
    }

    @Test
    void emptyAndNull() {
        assertThat(converter.convertToDatabaseColumn(List.of())).isEqualTo("{}");
        assertThat(converter.convertToEntityAttribute("{}")).isEmpty();
        assertThat(converter.convertToEntityAttribute(null)).isEmpty();
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
        assertThat(converter.convertToEntityAttribute(new String[] {"a", "b"})).containsExactly("a", "b");
    }
}
