package dev.fluxbase.ai.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FakeExtractionTest {

    @Test
    void capitalisedMultiWordNamesAreFoundAndSentenceStartsDropped() {
        assertThat(FakeExtraction.names("The Summit 2 stove was recalled in June 2024. Tell HR early. Reach out to Mary Jones at Acme Outdoor Gear, "
                + "or The Hamburg Office."))
                .containsExactly("Summit 2", "June 2024", "Mary Jones", "Acme Outdoor Gear", "The Hamburg Office");
    }

    @Test
    void punctuationEndsARun() {
        assertThat(FakeExtraction.names("We met Anna Berg, Carl Dahl and Eva in Oslo City.")).containsExactly("Anna Berg", "Carl Dahl", "Oslo City");
    }
}
