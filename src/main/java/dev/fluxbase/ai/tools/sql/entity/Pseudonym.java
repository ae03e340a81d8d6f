package dev.fluxbase.ai.tools.sql.entity;

/**
 * A pseudonym ({@code <email#3>}) with the label it was numbered under and the value it stands for.
 *
 * @param value null for a stored pseudonym whose value no longer opens (the encryption key changed): its name stays taken
 */
public record Pseudonym(String name, String label, String value) {

    /** The name only: a value must never reach a log through this record. */
    @Override
    public String toString() {
        return name;
    }
}
