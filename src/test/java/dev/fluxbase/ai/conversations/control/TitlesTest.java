package dev.fluxbase.ai.conversations.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitlesTest {

    @Test
    void shortMessagesAreTheTitle() {
        assertThat(Titles.of("  How many orders?  ")).isEqualTo("How many orders?");
        assertThat(Titles.of("x".repeat(50))).isEqualTo("x".repeat(50));
    }

    @Test
    void emptyMessagesGiveADefault() {
        assertThat(Titles.of("   ")).isEqualTo("New conversation");
        assertThat(Titles.of(null)).isEqualTo("New conversation");
    }

    @Test
    void longMessagesAreCutAtALateSpace() {
        assertThat(Titles.of("Question number 2 about a rather long topic that goes on"))
                .isEqualTo("Question number 2 about a rather long topic that...");
    }

    @Test
    void withoutALateSpaceTheFullFiftyBytesStay() {
        assertThat(Titles.of("Short words then averyveryveryveryverylongwordwithoutanyspaces"))
                .isEqualTo("Short words then averyveryveryveryverylongwordwith...");
    }

    @Test
    void multiByteCharactersAreNeverSplit() {
        String title = Titles.of("é".repeat(40));
        assertThat(title).isEqualTo("é".repeat(25) + "...");
        assertThat(Titles.utf8Length(title.replace("...", ""))).isEqualTo(50);
    }
}
