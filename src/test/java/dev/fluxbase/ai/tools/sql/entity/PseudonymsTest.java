package dev.fluxbase.ai.tools.sql.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One pseudonym per value, numbered per label, never one that an earlier answer of the conversation used. */
class PseudonymsTest {

    @Test
    void aValueKeepsItsPseudonymAndEachLabelCountsOnItsOwn() {
        Pseudonyms pseudonyms = Pseudonyms.fresh();
        assertThat(pseudonyms.of("email", "ann@example.com")).isEqualTo("<email#1>");
        assertThat(pseudonyms.of("email", "bob@example.com")).isEqualTo("<email#2>");
        assertThat(pseudonyms.of("phone", "555-1234")).isEqualTo("<phone#1>");
        assertThat(pseudonyms.of("email", "ann@example.com")).isEqualTo("<email#1>");
        assertThat(pseudonyms.of("Full Name!", "Ann")).isEqualTo("<full_name_#1>");
    }

    @Test
    void anAnswerRevealsOnlyThePseudonymsItHoldsThatTheTableKnows() {
        Pseudonyms pseudonyms = Pseudonyms.fresh();
        pseudonyms.of("email", "ann@example.com");
        pseudonyms.of("email", "bob@example.com");
        assertThat(pseudonyms.revealedIn("Write to <email#2>, not <email#9>; again <email#2>."))
                .containsExactly(Map.entry("<email#2>", "bob@example.com"));
        assertThat(pseudonyms.revealedIn(null)).isEmpty();
    }

    @Test
    void aConversationTakenUpAgainNumbersNewPseudonymsAfterThoseOfItsHistory() {
        Pseudonyms pseudonyms = Pseudonyms.after(List.of("The newest is <email#4>, then <email#2> and <phone#1>.", "ok"));
        assertThat(pseudonyms.of("email", "carol@example.com")).isEqualTo("<email#5>");
        assertThat(pseudonyms.of("phone", "555")).isEqualTo("<phone#2>");
        assertThat(pseudonyms.of("name", "Carol")).isEqualTo("<name#1>");
        assertThat(pseudonyms.revealedIn("<email#4>")).isEmpty();
    }

    @Test
    void onlyATableThatMasksSaysSo() {
        assertThat(Pseudonyms.fresh().masking()).isTrue();
        assertThat(Pseudonyms.off().masking()).isFalse();
    }
}
