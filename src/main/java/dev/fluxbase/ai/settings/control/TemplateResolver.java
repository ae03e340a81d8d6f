package dev.fluxbase.ai.settings.control;

import dev.fluxbase.ai.settings.entity.Placeholders;
import dev.fluxbase.ai.settings.entity.SettingRef;
import dev.fluxbase.ai.settings.entity.SettingValue;
import dev.fluxbase.ai.settings.entity.SettingsMissing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Resolves the settings placeholders of a chat turn with Fluxbase's meaning: {@code {{key}}} the user's setting,
 * else the system's; {@code {{user:key}}} and {@code {{system:key}}} only the one; a missing setting is empty, except
 * that in the prompt a bare {@code {{key}}} that neither the user nor the system set stays as written (our contract
 * keeps unknown placeholders; the prefixed forms always name a setting).
 *
 * <p>A secret never reaches text the LLM reads (the prompt, the allowed domains its prompt lists): there it is
 * empty, and a warning without the value says so once per chatbot and key. It is opened only for what the server
 * alone sends, the query parameters and headers of {@code fluxbase.http.secrets}.
 */
@ApplicationScoped
public class TemplateResolver {

    private static final Logger LOG = Logger.getLogger(TemplateResolver.class.getName());

    @Inject
    SettingsCache cache;

    @Inject
    SecretSeal seal;

    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /** @param userId null for an anonymous user, who has no settings of their own */
    public SettingsSnapshot snapshot(String userId) {
        return cache.snapshot(userId);
    }

    /**
     * The values of settings for text the LLM reads.
     *
     * @param chatbot the chatbot whose text it is, named in the warning about a secret
     */
    public Function<SettingRef, String> forModel(SettingsSnapshot settings, String chatbot) {
        return ref -> settings.find(ref).map(value -> visible(value, ref, chatbot))
                .orElseGet(() -> ref.scope() == SettingRef.Scope.USER_THEN_SYSTEM ? "{{" + ref + "}}" : "");
    }

    /** Text the LLM reads, each entry resolved; those that resolve to nothing are left out (http-allowed-domains). */
    public List<String> forModel(List<String> entries, SettingsSnapshot settings, String chatbot) {
        Function<SettingRef, String> values = ref -> settings.find(ref).map(value -> visible(value, ref, chatbot)).orElse("");
        return entries.stream().map(entry -> Placeholders.resolve(entry, values).strip()).filter(entry -> !entry.isEmpty()).toList();
    }

    /** Text only the server sends: secrets opened. */
    public String forRequest(String text, SettingsSnapshot settings) {
        return Placeholders.resolve(text, ref -> settings.find(ref).map(this::opened).orElse(""));
    }

    /**
     * Checks {@code @fluxbase:required-settings}: each key must be set, by the user or the system, plain or secret.
     *
     * @throws SettingsMissing naming those that are not
     */
    public void requireAll(List<String> keys, SettingsSnapshot settings) {
        List<String> missing = keys.stream().filter(key -> settings.find(new SettingRef(SettingRef.Scope.USER_THEN_SYSTEM, key)).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new SettingsMissing(missing);
        }
    }

    private String visible(SettingValue value, SettingRef ref, String chatbot) {
        if (!value.isSecret()) {
            return value.text();
        }
        if (warned.add(chatbot + "|" + ref)) {
            LOG.warning(() -> "Chatbot " + chatbot + " names the secret setting {{" + ref + "}} in text the LLM reads; it is left empty there. "
                    + "Secrets are only used in fluxbase.http.secrets");
        }
        return "";
    }

    private String opened(SettingValue value) {
        if (!value.isSecret()) {
            return value.text();
        }
        return seal.open(value).orElseGet(() -> {
            LOG.warning(() -> "The secret setting " + value + " cannot be opened (no encryption key, or another one); it is left empty");
            return "";
        });
    }
}
