package dev.fluxbase.ai.knowledge.graph.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EntityNameTest {

    @Test
    void spellingsOfOneNameShareTheirCanonicalForm() {
        assertThat(EntityName.of("  ACME  Corp.").canonical()).isEqualTo("acme corp");
        assertThat(EntityName.of("\"Acme Corp\"").canonical()).isEqualTo("acme corp");
        assertThat(EntityName.of("Ａｃｍｅ Corp").canonical()).isEqualTo("acme corp");
        assertThat(EntityName.of("  ACME  Corp.").name()).isEqualTo("ACME Corp.");
    }

    @Test
    void symbolsThatBelongToTheNameStay() {
        assertThat(EntityName.of("C++").canonical()).isEqualTo("c++");
        assertThat(EntityName.of("/api/v1/orders").canonical()).isEqualTo("/api/v1/orders");
        assertThat(EntityName.of("public.orders").canonical()).isEqualTo("public.orders");
    }

    @Test
    void emptyNamesAreRefused() {
        assertThatThrownBy(() -> EntityName.of(" \"\" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntityName.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typesAcceptTheSdkNamesAndCommonSpellings() {
        assertThat(EntityType.of("organisation")).contains(EntityType.ORGANIZATION);
        assertThat(EntityType.of("API endpoint")).contains(EntityType.API_ENDPOINT);
        assertThat(EntityType.of("code_reference")).contains(EntityType.CODE_REFERENCE);
        assertThat(EntityType.of("spaceship")).isEmpty();
        assertThat(EntityType.TABLE.wireName()).isEqualTo("table");
    }
}
