package dev.fluxbase.ai.settings.control;

import dev.fluxbase.ai.platform.control.Jdbc;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.settings.entity.SecretDraft;
import dev.fluxbase.ai.settings.entity.Setting;
import dev.fluxbase.ai.settings.entity.SettingDraft;
import dev.fluxbase.ai.settings.entity.SettingKey;
import dev.fluxbase.ai.settings.entity.SettingLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * What the settings API does, for the system's settings (owner null, the admin API) and a user's own (owner: their
 * id). A key names one setting per owner, plain or secret; addressing it as the other kind is a 409. Every change
 * drops this instance's cached copy at once.
 */
@ApplicationScoped
public class SettingsAdministration {

    @Inject
    SettingsStore store;

    @Inject
    SecretSeal seal;

    @Inject
    SettingsCache cache;

    public List<Setting> list(String owner, boolean secret) {
        return store.all(owner, secret);
    }

    /** @throws RequestRejected 404, or 409 when the key is a setting of the other kind */
    public Setting get(String owner, String key, boolean secret) {
        Setting setting = store.find(owner, SettingKey.checked(key)).orElseThrow(() -> notFound(key, secret));
        if (setting.secret() != secret) {
            throw kindMismatch(key, setting.secret());
        }
        return setting;
    }

    /** The user's own plain setting, else the system's: the first is the setting's source. */
    public Optional<Setting> effective(String userId, String key) {
        SettingKey.checked(key);
        return store.find(userId, key).filter(own -> !own.secret()).or(() -> store.find(null, key).filter(system -> !system.secret()));
    }

    public Setting createPlain(String owner, String key, SettingDraft draft, String by) {
        SettingKey.checked(key);
        refuseBeyondLimit(owner);
        return changed(owner, store.insertPlain(owner, key, plain(draft), by));
    }

    /** @throws RequestRejected 404 when there is no such setting (the SDK then creates it) */
    public Setting updatePlain(String owner, String key, SettingDraft draft, String by) {
        SettingKey.checked(key);
        return changed(owner, store.updatePlain(owner, key, plain(draft), by).orElseThrow(() -> absentOrOtherKind(owner, key, false)));
    }

    /** Updates the setting, or creates it when the owner has none of that key. */
    public Setting putPlain(String owner, String key, SettingDraft draft, String by) {
        SettingKey.checked(key);
        Optional<Setting> updated = store.updatePlain(owner, key, plain(draft), by);
        if (updated.isPresent()) {
            return changed(owner, updated.get());
        }
        if (store.find(owner, key).isPresent()) {
            throw kindMismatch(key, true);
        }
        return createPlain(owner, key, draft, by);
    }

    public Setting createSecret(String owner, String key, SecretDraft draft, String by) {
        SettingKey.checked(key);
        String value = draft.value().orElseThrow(() -> RequestRejected.badRequest("Setting value is required"));
        refuseBeyondLimit(owner);
        return changed(owner, store.insertSecret(owner, key, seal.seal(value, owner, key), draft.description().orElse(null), by));
    }

    /** @throws RequestRejected 404 when there is no such secret (the SDK then creates it) */
    public Setting updateSecret(String owner, String key, SecretDraft draft, String by) {
        SettingKey.checked(key);
        byte[] sealed = draft.value().map(value -> seal.seal(value, owner, key)).orElse(null);
        return changed(owner, store.updateSecret(owner, key, sealed, draft.description().orElse(null), by)
                .orElseThrow(() -> absentOrOtherKind(owner, key, true)));
    }

    public void delete(String owner, String key, boolean secret) {
        SettingKey.checked(key);
        if (!store.delete(owner, key, secret)) {
            throw absentOrOtherKind(owner, key, secret);
        }
        cache.changed(owner);
    }

    private Setting changed(String owner, Setting setting) {
        cache.changed(owner);
        return setting;
    }

    private void refuseBeyondLimit(String owner) {
        if (owner != null && store.count(owner) >= SettingLimits.MAX_PER_USER) {
            throw new RequestRejected(409, ErrorCodes.TOO_MANY_SETTINGS,
                    "Too many settings: a user may keep at most " + SettingLimits.MAX_PER_USER + "; delete one first");
        }
    }

    private RequestRejected absentOrOtherKind(String owner, String key, boolean secret) {
        return store.find(owner, key).map(other -> kindMismatch(key, other.secret())).orElseGet(() -> notFound(key, secret));
    }

    private static RequestRejected notFound(String key, boolean secret) {
        return RequestRejected.notFound(ErrorCodes.SETTING_NOT_FOUND, (secret ? "Secret setting" : "Setting") + " not found: " + key);
    }

    private static RequestRejected kindMismatch(String key, boolean isSecret) {
        return new RequestRejected(409, ErrorCodes.SETTING_KIND_MISMATCH, isSecret
                ? "Setting '" + key + "' is a secret: use the secret settings API for it"
                : "Setting '" + key + "' is not a secret: use the settings API for it, or delete it first");
    }

    private static SettingsStore.NewPlain plain(SettingDraft draft) {
        return new SettingsStore.NewPlain(draft.value().toString(), draft.valueType().orElse(null), draft.description().orElse(null),
                draft.editableBy().map(Jdbc.TextArray::new).orElse(null), draft.metadata().map(Object::toString).orElse(null));
    }
}
