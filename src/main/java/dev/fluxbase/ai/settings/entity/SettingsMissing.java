package dev.fluxbase.ai.settings.entity;

import dev.fluxbase.ai.platform.entity.CodedException;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import java.util.List;

/** A chatbot's required settings that its user has not set, nor the system: the chatbot cannot answer. */
public class SettingsMissing extends CodedException {

    private final transient List<String> keys;

    public SettingsMissing(List<String> keys) {
        super(ErrorCodes.SETTINGS_MISSING, "This chatbot needs settings that are not set: " + String.join(", ", keys)
                + ". Set them as your own settings, or ask an administrator to set them for everyone");
        this.keys = List.copyOf(keys);
    }

    public List<String> keys() {
        return keys;
    }
}
