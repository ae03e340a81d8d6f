package dev.fluxbase.ai.chatbots.entity;

import java.math.BigDecimal;

/**
 * The range checks of the settings' value objects. Their messages name no setting: the caller that
 * catches them knows which annotation or field the value came from and says so.
 */
final class Bounds {

    private Bounds() {
    }

    static int atLeast(int min, int value) {
        if (value < min) {
            throw new IllegalArgumentException("must be at least " + min + ", got " + value);
        }
        return value;
    }

    static BigDecimal between(BigDecimal min, BigDecimal max, BigDecimal value) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }
}
