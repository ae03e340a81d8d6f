package dev.fluxbase.ai.settings.entity;

import java.util.Arrays;
import java.util.Objects;

/**
 * A setting as a placeholder resolves it: the text of a plain value, or the sealed bytes of a secret, which only
 * the server opens, and only for what the LLM never reads. Its text form never shows a value.
 */
public final class SettingValue {

    private final String key;
    private final String userId;
    private final String text;
    private final byte[] sealed;

    private SettingValue(String key, String userId, String text, byte[] sealed) {
        this.key = Objects.requireNonNull(key);
        this.userId = userId;
        this.text = text;
        this.sealed = sealed;
    }

    /** @param userId null for a system setting */
    public static SettingValue plain(String key, String userId, String text) {
        return new SettingValue(key, userId, Objects.requireNonNull(text), null);
    }

    /** @param userId null for a system setting */
    public static SettingValue secret(String key, String userId, byte[] sealed) {
        return new SettingValue(key, userId, null, Objects.requireNonNull(sealed).clone());
    }

    public String key() {
        return key;
    }

    /** Null for a system setting. */
    public String userId() {
        return userId;
    }

    public boolean isSecret() {
        return sealed != null;
    }

    /** @throws IllegalStateException for a secret, whose text is never read this way */
    public String text() {
        if (isSecret()) {
            throw new IllegalStateException("a secret setting has no readable text");
        }
        return text;
    }

    /** @throws IllegalStateException for a plain setting */
    public byte[] sealed() {
        if (!isSecret()) {
            throw new IllegalStateException("a plain setting is not sealed");
        }
        return sealed.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SettingValue v && key.equals(v.key) && Objects.equals(userId, v.userId) && Objects.equals(text, v.text)
                && Arrays.equals(sealed, v.sealed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, userId, text, Arrays.hashCode(sealed));
    }

    @Override
    public String toString() {
        return "SettingValue[" + (userId == null ? "system" : "user") + " " + key + (isSecret() ? ", secret" : "") + "]";
    }
}
