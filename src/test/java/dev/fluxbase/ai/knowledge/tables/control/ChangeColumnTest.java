package dev.fluxbase.ai.knowledge.tables.control;

import static dev.fluxbase.ai.knowledge.tables.control.Tables.orders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.platform.entity.RequestRejected;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeColumnTest {

    private static final List<String> USUAL = List.of("modified_at", "updated_at");

    @Test
    void theFirstUsualNameThatIsATimeIsFound() {
        assertThat(ChangeColumn.of(orders(1L, null), Optional.empty(), USUAL)).contains("updated_at");
    }

    @Test
    void aColumnWithAUsualNameButNoTimeTypeIsNotUsed() {
        assertThat(ChangeColumn.of(orders(1L, null), Optional.empty(), List.of("amount"))).isEmpty();
        assertThat(ChangeColumn.of(orders(1L, null), Optional.empty(), List.of("changed_on"))).isEmpty();
    }

    @Test
    void aNamedColumnIsUsedWhateverItsType() {
        assertThat(ChangeColumn.of(orders(1L, null), Optional.of("id"), USUAL)).contains("id");
    }

    @Test
    void aNamedColumnTheTableLacksIsRefused() {
        assertThatThrownBy(() -> ChangeColumn.of(orders(1L, null), Optional.of("version"), USUAL))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.code()).isEqualTo("COLUMN_NOT_FOUND"))
                .hasMessageContaining("version");
    }
}
