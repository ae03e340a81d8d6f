package dev.fluxbase.ai.knowledge.graph.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.fluxbase.ai.knowledge.graph.entity.ChunkGraph;
import dev.fluxbase.ai.knowledge.graph.entity.EntityName;
import dev.fluxbase.ai.knowledge.graph.entity.EntityType;
import dev.fluxbase.ai.knowledge.graph.entity.ExtractedEntity;
import dev.fluxbase.ai.knowledge.graph.entity.ExtractedRelationship;
import dev.fluxbase.ai.knowledge.graph.entity.ExtractionRejected;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExtractionAnswerTest {

    @Test
    void entitiesAndRelationshipsAreRead() {
        ChunkGraph graph = ExtractionAnswer.parse("""
                {"entities":[{"name":"Ada Lovelace","type":"person","aliases":["Countess of Lovelace"]},
                             {"name":"Analytical Engine","type":"product","aliases":[]}],
                 "relationships":[{"source":"Ada Lovelace","target":"Analytical Engine","type":"wrote_about","confidence":0.8}]}""");

        assertThat(graph.entities()).extracting(e -> e.name().name(), ExtractedEntity::type)
                .containsExactly(tuple("Ada Lovelace", EntityType.PERSON),
                        tuple("Analytical Engine", EntityType.PRODUCT));
        assertThat(graph.entities().get(0).aliases()).extracting(EntityName::name).containsExactly("Countess of Lovelace");
        ExtractedRelationship relationship = graph.relationships().get(0);
        assertThat(relationship.source().name().canonical()).isEqualTo("ada lovelace");
        assertThat(relationship.target().name().canonical()).isEqualTo("analytical engine");
        assertThat(relationship.type()).isEqualTo("wrote_about");
        assertThat(relationship.confidence()).isEqualTo(0.8);
    }

    @Test
    void aCodeFenceAroundTheAnswerIsTolerated() {
        ChunkGraph graph = ExtractionAnswer.parse("```json\n{\"entities\":[{\"name\":\"Oslo\",\"type\":\"location\"}]}\n```");
        assertThat(graph.entities()).extracting(e -> e.name().name()).containsExactly("Oslo");
        assertThat(graph.relationships()).isEmpty();
    }

    @Test
    void anAnswerThatIsNotAJsonObjectIsRejected() {
        assertThatThrownBy(() -> ExtractionAnswer.parse("Sure! Here are the entities: Oslo, Bergen")).isInstanceOf(ExtractionRejected.class);
        assertThatThrownBy(() -> ExtractionAnswer.parse("[{\"name\":\"Oslo\"}]")).isInstanceOf(ExtractionRejected.class);
        assertThatThrownBy(() -> ExtractionAnswer.parse("{\"entities\":\"Oslo\"}")).isInstanceOf(ExtractionRejected.class);
        assertThatThrownBy(() -> ExtractionAnswer.parse(null)).isInstanceOf(ExtractionRejected.class);
    }

    @Test
    void unknownTypesBecomeOtherAndSpellingsOfTypesAreUnderstood() {
        ChunkGraph graph = ExtractionAnswer.parse("""
                {"entities":[{"name":"Acme","type":"Organisation"},{"name":"Zorblax","type":"alien species"},{"name":"Lima","type":"place"},
                             {"name":"Quux"}]}""");
        assertThat(graph.entities()).extracting(ExtractedEntity::type)
                .containsExactly(EntityType.ORGANIZATION, EntityType.OTHER, EntityType.LOCATION, EntityType.OTHER);
    }

    @Test
    void spellingsOfOneNameAndTypeAreOneEntityWithTheOthersAsAliases() {
        ChunkGraph graph = ExtractionAnswer.parse("""
                {"entities":[{"name":"  ACME  Corp. ","type":"organization","aliases":["Acme Corporation"]},
                             {"name":"Acme Corp","type":"organization","aliases":["ACME"]},
                             {"name":"Acme Corp","type":"product","aliases":[]}]}""");
        assertThat(graph.entities()).hasSize(2);
        ExtractedEntity organisation = graph.entities().get(0);
        assertThat(organisation.name().name()).isEqualTo("ACME Corp.");
        assertThat(organisation.name().canonical()).isEqualTo("acme corp");
        assertThat(organisation.aliases()).extracting(EntityName::canonical).containsExactly("acme corporation", "acme");
        assertThat(graph.entities().get(1).type()).isEqualTo(EntityType.PRODUCT);
    }

    @Test
    void malformedItemsAreDroppedAndTheRestKept() {
        ChunkGraph graph = ExtractionAnswer.parse("""
                {"entities":[{"name":""},{"name":"..."},{"name":42,"type":"person"},{"type":"person"},{"name":"Bergen","type":"location","aliases":[7]},
                             {"name":"Oslo","type":"location","aliases":["", "oslo", "Christiania"]}],
                 "relationships":[{"source":"Oslo","target":"Nowhere","type":"near"},{"source":"Oslo","target":"oslo","type":"is"},
                                  {"source":"Oslo","type":"near"},{"source":"Oslo","target":"Christiania","type":"renamed"}]}""");
        assertThat(graph.entities()).extracting(e -> e.name().name()).containsExactly("Oslo");
        assertThat(graph.entities().get(0).aliases()).extracting(EntityName::name).containsExactly("Christiania");
        assertThat(graph.relationships()).as("only between two different entities of the answer").isEmpty();
    }

    @Test
    void relationshipTypesAreNormalisedAndConfidenceClamped() {
        ChunkGraph graph = ExtractionAnswer.parse("""
                {"entities":[{"name":"Ann","type":"person"},{"name":"Acme","type":"organization"},{"name":"Oslo","type":"location"}],
                 "relationships":[{"source":"ann","target":"ACME","type":"Works At","confidence":3},
                                  {"source":"Acme","target":"Oslo","type":"  ","confidence":"high"},
                                  {"source":"Ann","target":"Acme","type":"works-at","confidence":-1}]}""");
        assertThat(graph.relationships()).extracting(ExtractedRelationship::type, ExtractedRelationship::confidence)
                .containsExactly(tuple("works_at", 1.0),
                        tuple(ExtractionAnswer.DEFAULT_RELATIONSHIP, null));
        assertThat(ExtractionAnswer.relationshipType("Located in!")).isEqualTo("located_in");
        assertThat(ExtractionAnswer.relationshipType("x".repeat(100))).hasSize(64);
    }

    @Test
    void countsAreCapped() {
        String entities = String.join(",", IntStream.range(0, 80).mapToObj(i -> "{\"name\":\"Entity " + i + "\",\"type\":\"concept\"}").toList());
        String aliases = String.join(",", IntStream.range(0, 30).mapToObj(i -> "\"Alias " + i + "\"").toList());
        ChunkGraph graph = ExtractionAnswer.parse("{\"entities\":[{\"name\":\"Main\",\"type\":\"concept\",\"aliases\":[" + aliases + "]},"
                + entities + "]}");
        assertThat(graph.entities()).hasSize(ExtractionAnswer.MAX_ENTITIES);
        assertThat(graph.entities().get(0).aliases()).hasSize(ExtractionAnswer.MAX_ALIASES);
    }
}
