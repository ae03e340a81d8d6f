package dev.fluxbase.ai.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiDocumentFilterTest {

    private record Tag(String name, String description) {
    }

    @Test
    void theTestingHooksAreDocumentedOnlyWhenEnabled() {
        assertThat(new ApiDocumentFilter(false).documented(List.of("Testing"))).isFalse();
        assertThat(new ApiDocumentFilter(true).documented(List.of("Testing"))).isTrue();
    }

    @Test
    void everyOtherOperationIsAlwaysDocumented() {
        assertThat(new ApiDocumentFilter(false).documented(List.of("Chatbots"))).isTrue();
        assertThat(new ApiDocumentFilter(false).documented(null)).isTrue();
        assertThat(new ApiDocumentFilter(false).documented(List.of())).isTrue();
    }

    @Test
    void everyOperationMayMeetABadTokenAndAServerErrorAndEveryAdminOneANonAdmin() {
        assertThat(ApiDocumentFilter.commonResponses("/api/v1/ai/chatbots")).containsExactly(entry("401", "Unauthorized"),
                entry("default", "ServerError"));
        assertThat(ApiDocumentFilter.commonResponses("/api/v1/admin/ai/chatbots/{id}")).containsExactly(entry("401", "Unauthorized"),
                entry("403", "Forbidden"), entry("default", "ServerError"));
    }

    @Test
    void eachTagIsListedOnceWithItsDescriptionInTheOrderOfFirstMention() {
        List<Tag> tags = List.of(new Tag("Chatbots", null), new Tag("Knowledge bases", null), new Tag("Chatbots", "The public chatbots"),
                new Tag("Knowledge bases", "Documents and search"), new Tag("Knowledge bases", "another"), new Tag("Usage", null));

        assertThat(ApiDocumentFilter.distinct(tags, Tag::name, Tag::description)).containsExactly(new Tag("Chatbots", "The public chatbots"),
                new Tag("Knowledge bases", "Documents and search"), new Tag("Usage", null));
    }
}
