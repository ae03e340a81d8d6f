package dev.fluxbase.ai.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonException;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;

class JsonFactoriesTest {

    @Test
    void readsAnyValueAnObjectOrAnArray() {
        assertThat(JsonFactories.read("\"text\"")).isInstanceOfSatisfying(JsonString.class, s -> assertThat(s.getString()).isEqualTo("text"));
        assertThat(JsonFactories.readObject("{\"a\":1}").getInt("a")).isEqualTo(1);
        assertThat(JsonFactories.readArray("[1,2]")).hasSize(2);
    }

    @Test
    void refusesWhatIsNotJsonOrNotTheKindAskedFor() {
        assertThatThrownBy(() -> JsonFactories.read("{oops")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> JsonFactories.readObject("[1]")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> JsonFactories.readArray("{}")).isInstanceOf(JsonException.class);
    }
}
