package dev.fluxbase.ai.platform.control;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DataSourceNameTest {

    @Test
    void aNameThatIsNotBoundFailsSayingWhichSettingToMend() {
        assertThatThrownBy(() -> DataSourceName.lookUp("jdbc/nowhere"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fluxbase.db.jndi-name (FLUXBASE_DB_JNDI_NAME) is jdbc/nowhere")
                .hasMessageContaining("asadmin create-jdbc-resource");
    }
}
