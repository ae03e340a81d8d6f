package dev.fluxbase.ai.chatbots.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Which model answers and how: the provider by name and the model (both null: the default), and what each
 * completion request asks for (temperature, the most tokens one provider call may generate).
 */
@Embeddable
public class ModelChoice {

    public static final BigDecimal MAX_TEMPERATURE = BigDecimal.valueOf(2);

    @Column(name = "provider_name")
    private String provider;
    private String model;
    private BigDecimal temperature;
    @Column(name = "max_tokens")
    private int maxTokens;

    protected ModelChoice() {
        // for JPA
    }

    /** The guide's defaults; a new instance each time, as an embedded value belongs to one chatbot. */
    public static ModelChoice defaults() {
        return new ModelChoice(null, null, new BigDecimal("0.7"), 4096);
    }

    private ModelChoice(String provider, String model, BigDecimal temperature, int maxTokens) {
        this.provider = provider;
        this.model = model;
        this.temperature = Bounds.between(BigDecimal.ZERO, MAX_TEMPERATURE, Objects.requireNonNull(temperature));
        this.maxTokens = Bounds.atLeast(1, maxTokens);
    }

    public String provider() {
        return provider;
    }

    public String model() {
        return model;
    }

    public BigDecimal temperature() {
        return temperature;
    }

    public int maxTokens() {
        return maxTokens;
    }

    public ModelChoice withProvider(String provider) {
        return new ModelChoice(provider, model, temperature, maxTokens);
    }

    public ModelChoice withModel(String model) {
        return new ModelChoice(provider, model, temperature, maxTokens);
    }

    public ModelChoice withTemperature(BigDecimal temperature) {
        return new ModelChoice(provider, model, temperature, maxTokens);
    }

    public ModelChoice withMaxTokens(int maxTokens) {
        return new ModelChoice(provider, model, temperature, maxTokens);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelChoice m && Objects.equals(provider, m.provider) && Objects.equals(model, m.model)
                && Objects.equals(temperature, m.temperature) && maxTokens == m.maxTokens;
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, model, temperature, maxTokens);
    }

    @Override
    public String toString() {
        return "ModelChoice[provider=" + provider + ", model=" + model + ", temperature=" + temperature + ", maxTokens=" + maxTokens + "]";
    }
}
