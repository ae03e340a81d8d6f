package dev.fluxbase.ai.providers.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.providers.control.ProviderChoice.Option;
import dev.fluxbase.ai.providers.entity.ProviderException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderChoiceTest {

    private static final Option ALPHA = new Option("id-alpha", "alpha", false);
    private static final Option BETA = new Option("id-beta", "beta", false);
    private static final Option BETA_DEFAULT = new Option("id-beta", "beta", true);
    private static final Option CONFIG = new Option("FROM_CONFIG", "config", false);

    @Test
    void theAdminsChoiceComesFirstThenTheNamedProvider() {
        assertThat(ProviderChoice.candidates("id-alpha", "beta", List.of(ALPHA, BETA_DEFAULT), Optional.of(CONFIG), false))
                .containsExactly("id-alpha");
        assertThat(ProviderChoice.candidates(null, "alpha", List.of(ALPHA, BETA_DEFAULT), Optional.of(CONFIG), false))
                .containsExactly("id-alpha");
        assertThat(ProviderChoice.candidates(null, "config", List.of(ALPHA, BETA_DEFAULT), Optional.of(CONFIG), false))
                .containsExactly("FROM_CONFIG");
    }

    @Test
    void otherwiseTheStoredDefaultThenTheConfigurationProvider() {
        assertThat(ProviderChoice.candidates(null, null, List.of(ALPHA, BETA_DEFAULT), Optional.of(CONFIG), false)).containsExactly("id-beta");
        assertThat(ProviderChoice.candidates(null, null, List.of(ALPHA, BETA), Optional.of(CONFIG), false)).containsExactly("FROM_CONFIG");
    }

    @Test
    void aMissingOrDisabledChoiceFallsThrough() {
        assertThat(ProviderChoice.candidates("id-gone", "nobody", List.of(ALPHA, BETA_DEFAULT), Optional.empty(), false))
                .containsExactly("id-beta");
    }

    @Test
    void theOnlyEnabledProviderServesWithoutADefault() {
        assertThat(ProviderChoice.candidates(null, null, List.of(ALPHA), Optional.empty(), false)).containsExactly("id-alpha");
    }

    @Test
    void nothingAtAllIsNoProvider() {
        assertThatThrownBy(() -> ProviderChoice.candidates(null, null, List.of(), Optional.empty(), true))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.code()).isEqualTo("NO_PROVIDER");
                    assertThat(e.getMessage()).isEqualTo("No AI provider configured");
                });
        assertThatThrownBy(() -> ProviderChoice.candidates(null, null, List.of(ALPHA, BETA), Optional.empty(), false))
                .isInstanceOf(ProviderException.class);
    }

    @Test
    void withFailoverTheDefaultTheConfigurationProviderAndTheRestFollow() {
        Option gamma = new Option("id-gamma", "gamma", false);
        assertThat(ProviderChoice.candidates(null, "gamma", List.of(ALPHA, BETA_DEFAULT, gamma), Optional.of(CONFIG), true))
                .containsExactly("id-gamma", "id-beta", "FROM_CONFIG", "id-alpha");
    }
}
