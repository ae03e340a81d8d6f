package dev.fluxbase.ai.knowledge.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentScopeTest {

    @Test
    void fullAndTieredLinksIgnoreTheFilterButNeverShowAnotherUsersDocuments() {
        DocumentScope full = DocumentScope.of(AccessLevel.FULL, filter("{\"team\":\"a\"}"), "alice");
        assertThat(full.sql()).isEqualTo("((d.owner_id IS NULL OR d.owner_id = ?))");
        assertThat(full.parameters()).containsExactly("alice");
        assertThat(DocumentScope.of(AccessLevel.TIERED, FilterExpression.NONE, null).sql()).isEqualTo("(d.owner_id IS NULL)");
    }

    @Test
    void aFilteredLinkSeesTheUsersOwnAndUnownedDocuments() {
        DocumentScope scope = DocumentScope.of(AccessLevel.FILTERED, FilterExpression.NONE, "alice");

        assertThat(scope.sql()).isEqualTo("((d.owner_id IS NULL OR d.owner_id = ?))");
        assertThat(scope.parameters()).containsExactly("alice");
    }

    @Test
    void anAnonymousTurnSeesOnlyUnownedDocuments() {
        DocumentScope scope = DocumentScope.of(AccessLevel.FILTERED, FilterExpression.NONE, null);

        assertThat(scope.sql()).isEqualTo("(d.owner_id IS NULL)");
        assertThat(scope.parameters()).isEmpty();
    }

    @Test
    void theFilterExpressionAddsBoundConditionsWithTheUserSubstituted() {
        DocumentScope scope = DocumentScope.of(AccessLevel.FILTERED, filter("{\"user_id\":\"$user_id\",\"team\":\"support\",\"level\":2}"), "bob");

        assertThat(scope.sql()).isEqualTo("((d.owner_id IS NULL OR d.owner_id = ?) AND d.metadata ->> ? = ? AND d.metadata ->> ? = ? "
                + "AND d.metadata ->> ? = ?)");
        assertThat(scope.parameters()).containsExactly("bob", "user_id", "bob", "team", "support", "level", "2");
    }

    @Test
    void userIdOfAnAnonymousTurnMatchesNothingInsteadOfEverything() {
        DocumentScope scope = DocumentScope.of(AccessLevel.FILTERED, filter("{\"user_id\":\"$user_id\"}"), null);

        assertThat(scope.sql()).isEqualTo("(d.owner_id IS NULL AND FALSE)");
        assertThat(scope.parameters()).isEmpty();
    }

    @Test
    void keysAndValuesNeverReachTheSqlText() {
        DocumentScope scope = DocumentScope.of(AccessLevel.FILTERED, filter("{\"x' OR '1'='1\":\"'; DROP TABLE ai.documents; --\"}"), "u");

        assertThat(scope.sql()).doesNotContain("DROP").doesNotContain("'1'");
        assertThat(scope.parameters()).contains("x' OR '1'='1", "'; DROP TABLE ai.documents; --");
    }

    @Test
    void filterExpressionsAreFlatObjectsOfScalars() {
        assertThat(filter("{\"a\":true,\"b\":1.5}").conditions()).containsEntry("a", "true").containsEntry("b", "1.5");
        assertThatThrownBy(() -> filter("{\"a\":{\"b\":1}}")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("filter_expression.a");
        assertThatThrownBy(() -> filter("{\"a\":null}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> filter("{\"\":\"x\"}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accessLevelsAndPermissionsParseFromTheirWireNames() {
        assertThat(AccessLevel.parse("filtered")).contains(AccessLevel.FILTERED);
        assertThat(AccessLevel.parse("FILTERED")).isEmpty();
        assertThat(KnowledgePermission.EDITOR.allows(KnowledgePermission.VIEWER)).isTrue();
        assertThat(KnowledgePermission.EDITOR.allows(KnowledgePermission.OWNER)).isFalse();
        assertThat(KnowledgePermission.parse("owner")).contains(KnowledgePermission.OWNER);
    }

    @Test
    void aDocumentAddedByAUserIsOwnedByThatUserWhateverItsMetadataSaid() {
        NewDocument spoofed = new NewDocument("t", "c", null, "text/plain", "{\"user_id\":\"victim\",\"team\":\"a\"}", List.of());

        JsonObject metadata = Json.createReader(new StringReader(spoofed.ownedBy("attacker").metadata())).readObject();

        assertThat(metadata.getString("user_id")).isEqualTo("attacker");
        assertThat(metadata.getString("team")).isEqualTo("a");
    }

    private static FilterExpression filter(String json) {
        return FilterExpression.of(Json.createReader(new StringReader(json)).readObject());
    }
}
