package dev.fluxbase.ai.tools.entity;

import dev.fluxbase.ai.platform.entity.JsonFields;

/** A tool call's arguments as the model wrote them; what is wrong with them goes back to the model as the tool's result. */
public final class ToolArguments {

    private ToolArguments() {
    }

    /** @throws Invalid when the model wrote something other than a JSON object; reading a field may throw it too */
    public static JsonFields parse(String json) {
        return JsonFields.parse(json == null ? "" : json, detail -> new Invalid("invalid arguments: " + detail));
    }

    /** Arguments the model got wrong: a missing field, a field of the wrong type, not JSON at all. */
    public static final class Invalid extends RuntimeException {

        private Invalid(String message) {
            super(message, null, false, false);
        }

        /** The tool result that tells the model what to correct. */
        public String toolResult() {
            return "Error: " + getMessage();
        }
    }
}
