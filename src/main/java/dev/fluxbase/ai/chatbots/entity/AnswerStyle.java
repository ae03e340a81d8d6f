package dev.fluxbase.ai.chatbots.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a chatbot answers: in which language ({@code auto}: the user's), and whether it reasons step by step with the
 * {@code think} tool before other tools ({@code react} or {@code strict}; {@code none} leaves it free) and shows that
 * reasoning to the user.
 */
@Embeddable
public class AnswerStyle {

    public static final String AUTO = "auto";
    public static final List<String> REASONING_MODES = List.of("none", "react", "strict");

    @Column(name = "response_language")
    private String responseLanguage;
    @Column(name = "reasoning_mode")
    private String reasoningMode;
    @Column(name = "show_reasoning")
    private boolean showReasoning;

    protected AnswerStyle() {
        // for JPA
    }

    private AnswerStyle(String responseLanguage, String reasoningMode, boolean showReasoning) {
        this.responseLanguage = responseLanguage == null || responseLanguage.isBlank() ? AUTO : responseLanguage.strip();
        String mode = reasoningMode == null ? "none" : reasoningMode.strip().toLowerCase(Locale.ROOT);
        if (!REASONING_MODES.contains(mode)) {
            throw new IllegalArgumentException("expected one of " + String.join(", ", REASONING_MODES) + ", got '" + reasoningMode + "'");
        }
        this.reasoningMode = mode;
        this.showReasoning = showReasoning;
    }

    public static AnswerStyle defaults() {
        return new AnswerStyle(AUTO, "none", false);
    }

    public String responseLanguage() {
        return responseLanguage;
    }

    public String reasoningMode() {
        return reasoningMode;
    }

    /** {@code react} and {@code strict}: the first tool of a turn must be {@code think}. */
    public boolean thinksFirst() {
        return !"none".equals(reasoningMode);
    }

    public boolean showReasoning() {
        return showReasoning;
    }

    public AnswerStyle withResponseLanguage(String language) {
        return new AnswerStyle(language, reasoningMode, showReasoning);
    }

    public AnswerStyle withReasoningMode(String mode) {
        return new AnswerStyle(responseLanguage, mode, showReasoning);
    }

    public AnswerStyle withShowReasoning(boolean show) {
        return new AnswerStyle(responseLanguage, reasoningMode, show);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnswerStyle a && responseLanguage.equals(a.responseLanguage) && reasoningMode.equals(a.reasoningMode)
                && showReasoning == a.showReasoning;
    }

    @Override
    public int hashCode() {
        return Objects.hash(responseLanguage, reasoningMode, showReasoning);
    }

    @Override
    public String toString() {
        return "AnswerStyle[language=" + responseLanguage + ", reasoning=" + reasoningMode + ", show=" + showReasoning + "]";
    }
}
