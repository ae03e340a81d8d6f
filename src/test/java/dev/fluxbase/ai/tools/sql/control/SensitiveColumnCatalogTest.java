package dev.fluxbase.ai.tools.sql.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The {@code @sensitive} tag of a column comment, among the comment's other words. */
class SensitiveColumnCatalogTest {

    @Test
    void theTagIsFoundWithOrWithoutItsLabelAndNotInsideOtherWords() {
        assertThat(label("Contact address @sensitive:email, verified")).isEqualTo("email");
        assertThat(label("@sensitive")).isEqualTo("");
        assertThat(label("Home phone (@sensitive)")).isEqualTo("");
        assertThat(SensitiveColumnCatalog.TAG.matcher("not @sensitive-ish").find()).isFalse();
        assertThat(SensitiveColumnCatalog.TAG.matcher("mail@sensitive.example").find()).isFalse();
        assertThat(SensitiveColumnCatalog.TAG.matcher("@insensitive").find()).isFalse();
    }

    private static String label(String comment) {
        Matcher tag = SensitiveColumnCatalog.TAG.matcher(comment);
        assertThat(tag.find()).isTrue();
        return tag.group(1) == null ? "" : tag.group(1);
    }
}
