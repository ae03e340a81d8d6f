package dev.fluxbase.ai.settings.entity;

import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import java.util.regex.Pattern;

/**
 * A setting's key as Fluxbase's templates can name it: a letter, then letters, digits, {@code _} and {@code .}
 * ({@code company.name}, {@code weather.api_key}). No key holds {@code /}, {@code :} or {@code |}, so a key is
 * always one path segment and never mistaken for a template prefix.
 */
public final class SettingKey {

    public static final int MAX_LENGTH = 128;
    /** The key part of Fluxbase's template pattern. */
    static final String FORM = "[a-zA-Z][a-zA-Z0-9_.]*";
    private static final Pattern KEY = Pattern.compile(FORM);

    private SettingKey() {
    }

    public static boolean isValid(String key) {
        return key != null && key.length() <= MAX_LENGTH && KEY.matcher(key).matches();
    }

    /** @throws RequestRejected 400 {@code INVALID_KEY} */
    public static String checked(String key) {
        if (!isValid(key)) {
            throw new RequestRejected(400, ErrorCodes.INVALID_KEY, "Invalid setting key '" + shown(key) + "': a key starts with a letter and "
                    + "holds letters, digits, '_' and '.' only, at most " + MAX_LENGTH + " characters");
        }
        return key;
    }

    // a refused key is echoed, but not a whole request body someone sent as one
    private static String shown(String key) {
        return key == null ? "" : key.length() > MAX_LENGTH ? key.substring(0, MAX_LENGTH) + "..." : key;
    }
}
