package dev.fluxbase.ai.tools.sql.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One pseudonym per value, numbered per label, never one that an earlier answer of the conversation used; a stored table
 * keeps its values, and new pseudonyms join what a concurrent turn stored without giving a pseudonym two values.
 */
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

    @Test
    void aStoredTableKeepsItsValuesAndNumbersNewOnesAfterThemAndItsHistory() {
        Pseudonyms pseudonyms = Pseudonyms.after(List.of("Earlier: <email#4>."),
                List.of(new Pseudonym("<email#1>", "email", "ann@example.com"), new Pseudonym("<email#6>", "email", null)));
        assertThat(pseudonyms.of("email", "ann@example.com")).isEqualTo("<email#1>");
        assertThat(pseudonyms.of("email", "carl@example.com")).isEqualTo("<email#7>");
        assertThat(pseudonyms.unsaved()).containsExactly(new Pseudonym("<email#7>", "email", "carl@example.com"));
        assertThat(pseudonyms.revealedIn("<email#1>, <email#6>, <email#7>"))
                .containsExactly(Map.entry("<email#1>", "ann@example.com"), Map.entry("<email#7>", "carl@example.com"));
    }

    @Test
    void newPseudonymsJoinWhatAConcurrentTurnStoredUnderTheStoredNamesOrFreeOnes() {
        List<Pseudonym> before = List.of(new Pseudonym("<email#1>", "email", "ann@example.com"));
        Pseudonyms first = Pseudonyms.after(List.of(), before);
        Pseudonyms second = Pseudonyms.after(List.of(), before);
        first.of("email", "carl@example.com");
        first.of("email", "dora@example.com");
        second.of("email", "eve@example.com");
        second.of("email", "carl@example.com");

        PseudonymMerge stored = first.mergeWith(before);
        assertThat(stored.renamed()).isEmpty();
        assertThat(stored.added()).extracting(Pseudonym::name).containsExactly("<email#2>", "<email#3>");
        first.merged(stored);
        assertThat(first.unsaved()).isEmpty();

        List<Pseudonym> now = List.of(before.get(0), stored.added().get(0), stored.added().get(1));
        PseudonymMerge merge = second.mergeWith(now);
        assertThat(merge.renamed()).containsOnly(Map.entry("<email#2>", "<email#4>"), Map.entry("<email#3>", "<email#2>"));
        assertThat(merge.added()).containsExactly(new Pseudonym("<email#4>", "email", "eve@example.com"));
        assertThat(merge.renamedIn("Eve is <email#2>, Carl <email#3>, Ann <email#1>.")).isEqualTo("Eve is <email#4>, Carl <email#2>, Ann <email#1>.");
        assertThat(second.of("email", "eve@example.com")).as("unchanged until the merge is stored").isEqualTo("<email#2>");

        second.merged(merge);
        assertThat(second.unsaved()).isEmpty();
        assertThat(second.revealedIn("<email#1> <email#2> <email#3> <email#4>")).containsExactly(Map.entry("<email#1>", "ann@example.com"),
                Map.entry("<email#2>", "carl@example.com"), Map.entry("<email#3>", "dora@example.com"), Map.entry("<email#4>", "eve@example.com"));
        assertThat(second.of("email", "carl@example.com")).isEqualTo("<email#2>");
        assertThat(second.of("email", "fred@example.com")).isEqualTo("<email#5>");
    }

    @Test
    void aTableWithNothingNewMergesToNothingAndARecordNeverShowsItsValue() {
        Pseudonyms pseudonyms = Pseudonyms.fresh();
        assertThat(pseudonyms.mergeWith(List.of(new Pseudonym("<email#1>", "email", "ann@example.com")))).isSameAs(PseudonymMerge.NONE);
        assertThat(PseudonymMerge.NONE.renamedIn("<email#1>")).isEqualTo("<email#1>");
        assertThat(new Pseudonym("<email#1>", "email", "ann@example.com")).hasToString("<email#1>");
        assertThat(Pseudonyms.namesIn(List.of("<phone#2> and <email#1>", "<phone#2>", "<Email#3> <email#x>"))).containsExactly("<phone#2>", "<email#1>");
    }
}
