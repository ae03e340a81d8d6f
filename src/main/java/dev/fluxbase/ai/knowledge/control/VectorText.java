package dev.fluxbase.ai.knowledge.control;

/** pgvector's text form, {@code [0.1,0.2,...]}, bound as a string and cast in SQL. */
public final class VectorText {

    private VectorText() {
    }

    public static String of(float[] vector) {
        StringBuilder text = new StringBuilder(vector.length * 10).append('[');
        for (int i = 0; i < vector.length; i++) {
            text.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return text.append(']').toString();
    }
}
