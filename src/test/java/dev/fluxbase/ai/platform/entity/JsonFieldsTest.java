package dev.fluxbase.ai.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonFieldsTest {

    private static JsonFields fields(String json) {
        return JsonFields.parse(json, detail -> new IllegalArgumentException("Bad: " + detail));
    }

    private static void refused(Runnable read, String message) {
        assertThatThrownBy(read::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{not json", "[1]", "\"text\"", "5", "null", "''"})
    void onlyAnObjectParses(String text) {
        refused(() -> fields(text), "Bad: expected a JSON object");
    }

    @Test
    void absentAndNullReadAsAbsentForEveryType() {
        JsonFields json = fields("{\"n\":null}");
        for (String key : List.of("n", "missing")) {
            assertThat(json.text(key)).isEmpty();
            assertThat(json.scalarText(key)).isEmpty();
            assertThat(json.choice(key, List.of("a"))).isEmpty();
            assertThat(json.bool(key)).isEmpty();
            assertThat(json.integer(key, 0, 1)).isEmpty();
            assertThat(json.decimal(key)).isEmpty();
            assertThat(json.number(key, 0, 1)).isEmpty();
            assertThat(json.strings(key)).isEmpty();
            assertThat(json.object(key)).isEmpty();
            assertThat(json.fields(key)).isEmpty();
            assertThat(json.fieldsList(key)).isEmpty();
        }
        assertThat(json.has("n")).isTrue();
        assertThat(json.has("missing")).isFalse();
        assertThat(json.keys()).containsExactly("n");
    }

    @Test
    void strings() {
        JsonFields json = fields("{\"s\":\"hi\",\"blank\":\"  \",\"n\":5}");
        assertThat(json.text("s")).contains("hi");
        assertThat(json.text("blank")).contains("  ");
        assertThat(json.nonBlankText("blank")).isEmpty();
        assertThat(json.requiredText("s")).isEqualTo("hi");
        refused(() -> json.text("n"), "Bad: \"n\" must be a string");
        refused(() -> json.requiredText("n"), "Bad: \"n\" must be a string");
        refused(() -> json.requiredText("blank"), "Bad: \"blank\" is required");
        refused(() -> json.requiredText("missing"), "Bad: \"missing\" is required");
    }

    @Test
    void scalarTextTakesNumbersAndBooleansAsTheirText() {
        JsonFields json = fields("{\"s\":\"x\",\"n\":12,\"b\":true,\"a\":[1],\"o\":{}}");
        assertThat(json.scalarText("s")).contains("x");
        assertThat(json.scalarText("n")).contains("12");
        assertThat(json.scalarText("b")).contains("true");
        refused(() -> json.scalarText("a"), "Bad: \"a\" must be a string");
        refused(() -> json.scalarText("o"), "Bad: \"o\" must be a string");
    }

    @Test
    void choices() {
        JsonFields json = fields("{\"c\":\"fixed\",\"other\":\"circle\",\"blank\":\"\",\"n\":1}");
        List<String> choices = List.of("recursive", "fixed");
        assertThat(json.choice("c", choices)).contains("fixed");
        assertThat(json.choice("blank", choices)).isEmpty();
        refused(() -> json.choice("other", choices), "Bad: \"other\" must be one of recursive, fixed");
        refused(() -> json.choice("n", choices), "Bad: \"n\" must be a string");
    }

    @Test
    void booleans() {
        JsonFields json = fields("{\"t\":true,\"f\":false,\"s\":\"true\",\"n\":1}");
        assertThat(json.bool("t")).contains(true);
        assertThat(json.bool("f")).contains(false);
        refused(() -> json.bool("s"), "Bad: \"s\" must be true or false");
        refused(() -> json.bool("n"), "Bad: \"n\" must be true or false");
        refused(() -> json.required("missing", json::bool), "Bad: \"missing\" is required");
    }

    @Test
    void integersWithinTheirRange() {
        JsonFields json = fields("{\"low\":1,\"high\":100,\"neg\":-3}");
        assertThat(json.integer("low", 1, 100)).contains(1);
        assertThat(json.integer("high", 1, 100)).contains(100);
        assertThat(json.integer("neg")).contains(-3);
        int required = json.required("high", json::integer);
        assertThat(required).isEqualTo(100);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0", "101", "2.5", "2.0", "\"5\"", "true", "[1]", "1e3", "99999999999999999999"})
    void anIntegerOfAnotherTypeOrOutOfRangeIsRefusedWithTheRange(String value) {
        refused(() -> fields("{\"k\":" + value + "}").integer("k", 1, 100), "Bad: \"k\" must be an integer from 1 to 100");
    }

    @Test
    void theRangeIsNamedAsFarAsItLimits() {
        refused(() -> fields("{\"k\":-1}").integer("k", 0, Integer.MAX_VALUE), "Bad: \"k\" must be an integer of at least 0");
        refused(() -> fields("{\"k\":\"many\"}").integer("k"), "Bad: \"k\" must be an integer");
        refused(() -> fields("{\"k\":3000000000}").integer("k"), "Bad: \"k\" must be an integer");
    }

    @Test
    void decimalsAreTakenAsWritten() {
        JsonFields json = fields("{\"d\":1.50,\"i\":2,\"s\":\"1\"}");
        assertThat(json.decimal("d")).contains(new BigDecimal("1.50"));
        assertThat(json.decimal("i")).contains(new BigDecimal("2"));
        refused(() -> json.decimal("s"), "Bad: \"s\" must be a number");
    }

    @Test
    void numbersWithinTheirRange() {
        JsonFields json = fields("{\"lo\":0,\"hi\":1,\"mid\":0.25,\"over\":1.01,\"under\":-0.5,\"s\":\"0.5\"}");
        assertThat(json.number("lo", 0, 1)).contains(0.0);
        assertThat(json.number("hi", 0, 1)).contains(1.0);
        assertThat(json.number("mid", 0, 1)).contains(0.25);
        refused(() -> json.number("over", 0, 1), "Bad: \"over\" must be a number from 0 to 1");
        refused(() -> json.number("under", -0.25, 0.5), "Bad: \"under\" must be a number from -0.25 to 0.5");
        refused(() -> json.number("s", 0, 1), "Bad: \"s\" must be a number from 0 to 1");
    }

    @Test
    void stringLists() {
        JsonFields json = fields("{\"tags\":[\"a\",\"b\"],\"empty\":[],\"mixed\":[\"a\",1],\"one\":\"a\"}");
        assertThat(json.strings("tags")).contains(List.of("a", "b"));
        assertThat(json.strings("empty")).contains(List.of());
        refused(() -> json.strings("mixed"), "Bad: \"mixed\" must be an array of strings");
        refused(() -> json.strings("one"), "Bad: \"one\" must be an array of strings");
    }

    @Test
    void objectsAndTheirFieldsNamedByPath() {
        JsonFields json = fields("{\"o\":{\"a\":1,\"inner\":{\"b\":true}},\"s\":\"{}\"}");
        assertThat(json.object("o").orElseThrow().toString()).isEqualTo("{\"a\":1,\"inner\":{\"b\":true}}");
        refused(() -> json.object("s"), "Bad: \"s\" must be an object");
        refused(() -> json.fields("s"), "Bad: \"s\" must be an object");
        JsonFields inner = json.fields("o").orElseThrow().fields("inner").orElseThrow();
        assertThat(inner.bool("b")).contains(true);
        refused(() -> inner.text("b"), "Bad: \"o.inner.b\" must be a string");
        refused(() -> json.fields("o").orElseThrow().requiredText("name"), "Bad: \"o.name\" is required");
    }

    @Test
    void arraysOfObjectsAndTheirFieldsNamedByIndex() {
        JsonFields json = fields("{\"list\":[{\"name\":\"a\"},{\"name\":5}],\"mixed\":[{},1],\"one\":{}}");
        List<JsonFields> items = json.fieldsList("list").orElseThrow();
        assertThat(items).hasSize(2);
        assertThat(items.get(0).text("name")).contains("a");
        refused(() -> items.get(1).text("name"), "Bad: \"list[1].name\" must be a string");
        refused(() -> json.fieldsList("mixed"), "Bad: \"mixed\" must be an array of objects");
        refused(() -> json.fieldsList("one"), "Bad: \"one\" must be an array of objects");
    }

    @Test
    void callersWithRulesOfTheirOwnRefuseInTheSameWords() {
        JsonFields json = fields("{\"nested\":{\"id\":\"x\"}}");
        assertThat(json.invalid("id", "a provider id")).hasMessage("Bad: \"id\" must be a provider id");
        assertThat(json.fields("nested").orElseThrow().invalid("id", "a UUID")).hasMessage("Bad: \"nested.id\" must be a UUID");
    }
}
