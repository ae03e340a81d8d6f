package dev.fluxbase.ai.settings.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.chat.control.CapturedLog;
import dev.fluxbase.ai.settings.entity.Placeholders;
import dev.fluxbase.ai.settings.entity.SettingValue;
import dev.fluxbase.ai.settings.entity.SettingsMissing;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Placeholders resolved with Fluxbase's meaning for a user: {@code {{key}}} the user's then the system's,
 * {@code {{user:key}}} and {@code {{system:key}}} one only, missing is empty; secrets withheld from the LLM and
 * opened only for requests; required settings checked.
 */
class TemplateResolverTest {

    private static final String SECRET = "sk-live-123";

    private final TemplateResolver resolver = new TemplateResolver();

    TemplateResolverTest() {
        resolver.seal = new SecretSeal() {
            @Override
            public Optional<String> open(SettingValue secret) {
                return Optional.of(new String(secret.sealed(), StandardCharsets.UTF_8)); // the test's "sealing" is the bytes
            }
        };
    }

    private static Map<String, SettingValue> values(SettingValue... values) {
        return Stream.of(values).collect(Collectors.toMap(SettingValue::key, v -> v));
    }

    private static SettingsSnapshot snapshot(Map<String, SettingValue> system, Map<String, SettingValue> user) {
        return new SettingsSnapshot(() -> system, () -> user);
    }

    private final Map<String, SettingValue> system = values(
            SettingValue.plain("company.name", null, "Acme"),
            SettingValue.plain("preferred.units", null, "imperial"),
            SettingValue.secret("weather.api_key", null, SECRET.getBytes(StandardCharsets.UTF_8)));
    private final Map<String, SettingValue> alice = values(
            SettingValue.plain("preferred.units", "alice", "metric"),
            SettingValue.plain("nickname", "alice", "Al"),
            SettingValue.secret("token", "alice", "alice-token".getBytes(StandardCharsets.UTF_8)));

    private String forModel(String text, SettingsSnapshot settings) {
        return Placeholders.resolve(text, resolver.forModel(settings, "default/bot"));
    }

    @Test
    void aBareKeyIsTheUsersSettingElseTheSystems() {
        SettingsSnapshot settings = snapshot(system, alice);
        assertThat(forModel("{{preferred.units}} {{company.name}} {{nickname}}", settings)).isEqualTo("metric Acme Al");
    }

    @Test
    void userAndSystemPrefixesLookInOnePlaceOnly() {
        SettingsSnapshot settings = snapshot(system, alice);
        assertThat(forModel("{{user:preferred.units}} {{system:preferred.units}}", settings)).isEqualTo("metric imperial");
        assertThat(forModel("[{{user:company.name}}] [{{system:nickname}}]", settings)).isEqualTo("[] []");
    }

    @Test
    void aMissingPrefixedSettingIsEmptyAnUnknownBareKeyAndTheBuiltInsStayAsWritten() {
        assertThat(forModel("a{{user:nothing.here}}b{{system:nothing.here}}c {{nothing.here}} {{user_id}} {{namespace}}", snapshot(system, alice)))
                .isEqualTo("abc {{nothing.here}} {{user_id}} {{namespace}}");
    }

    @Test
    void anAnonymousUserHasOnlyTheSystemsSettings() {
        assertThat(forModel("{{preferred.units}} {{user:nickname}}", snapshot(system, Map.of()))).isEqualTo("imperial ");
    }

    @Test
    void aSecretNeverReachesTextTheModelReadsAndIsWarnedOnceWithoutItsValue() {
        SettingsSnapshot settings = snapshot(system, alice);
        try (CapturedLog log = new CapturedLog(TemplateResolver.class)) {
            assertThat(forModel("key={{system:weather.api_key}} {{weather.api_key}} {{user:token}}", settings)).isEqualTo("key=  ");
            assertThat(forModel("again {{system:weather.api_key}}", settings)).isEqualTo("again ");

            List<String> warnings = log.records.stream().map(LogRecord::getMessage).toList();
            assertThat(warnings).hasSize(3).allSatisfy(w -> assertThat(w).contains("default/bot", "secret").doesNotContain(SECRET, "alice-token"));
            assertThat(warnings.get(0)).contains("{{system:weather.api_key}}");
        }
    }

    @Test
    void allowedDomainsResolveAndThoseThatResolveToNothingAreLeftOut() {
        Map<String, SettingValue> hosts = values(SettingValue.plain("weather.host", null, "api.weather.test"),
                SettingValue.secret("hidden.host", null, "secret.example".getBytes(StandardCharsets.UTF_8)));
        try (CapturedLog log = new CapturedLog(TemplateResolver.class)) {
            assertThat(resolver.forModel(List.of("static.test", "{{system:weather.host}}", "*.{{weather.host}}", "{{missing}}", "{{hidden.host}}"),
                    snapshot(hosts, Map.of()), "default/bot")).containsExactly("static.test", "api.weather.test", "*.api.weather.test");
            assertThat(log.records).singleElement().satisfies(w -> assertThat(w.getMessage()).contains("{{hidden.host}}").doesNotContain("secret.example"));
        }
    }

    @Test
    void requestsGetSecretsOpened() {
        SettingsSnapshot settings = snapshot(system, alice);
        assertThat(resolver.forRequest("{{system:weather.api_key}}", settings)).isEqualTo(SECRET);
        assertThat(resolver.forRequest("Bearer {{user:token}} {{company.name}} {{missing}}.", settings)).isEqualTo("Bearer alice-token Acme .");
    }

    @Test
    void requiredSettingsAreSatisfiedByTheUserOrTheSystemPlainOrSecret() {
        resolver.requireAll(List.of("company.name", "nickname", "weather.api_key", "token"), snapshot(system, alice));

        assertThatThrownBy(() -> resolver.requireAll(List.of("company.name", "nickname", "stripe.endpoint"), snapshot(system, Map.of())))
                .isInstanceOfSatisfying(SettingsMissing.class, e -> {
                    assertThat(e.code()).isEqualTo("SETTINGS_MISSING");
                    assertThat(e.keys()).containsExactly("nickname", "stripe.endpoint");
                    assertThat(e.getMessage()).contains("nickname, stripe.endpoint");
                });
    }

    @Test
    void settingsAreReadOnlyWhenAPlaceholderNeedsThem() {
        AtomicInteger reads = new AtomicInteger();
        Function<Map<String, SettingValue>, Supplier<Map<String, SettingValue>>> counted = map -> () -> {
            reads.incrementAndGet();
            return map;
        };
        SettingsSnapshot settings = new SettingsSnapshot(counted.apply(system), counted.apply(alice));

        assertThat(forModel("no placeholders {{user_id}}", settings)).isEqualTo("no placeholders {{user_id}}");
        resolver.requireAll(List.of(), settings);
        assertThat(reads).hasValue(0);

        forModel("{{system:company.name}} {{company.name}} {{preferred.units}}", settings);
        assertThat(reads).hasValue(2);
    }
}
