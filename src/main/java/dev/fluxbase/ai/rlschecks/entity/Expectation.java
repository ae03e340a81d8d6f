package dev.fluxbase.ai.rlschecks.entity;

import java.util.Arrays;
import java.util.Optional;

/** What an impersonated user may see of a check's rows, judged by the row's owner (the check's owner column). */
public enum Expectation {

    /** Every row belongs to the user: "user A must never see orders of user B". */
    OWN_ROWS("own_rows"),
    /** Nothing at all: "an anonymous visitor sees no orders". */
    NO_ROWS("no_rows"),
    /** No row of the listed owners, for data shared more widely than one owner. */
    NOT_OWNED_BY("not_owned_by");

    private final String wireName;

    Expectation(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean needsOwnerColumn() {
        return this != NO_ROWS;
    }

    public static Optional<Expectation> of(String wireName) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(wireName)).findFirst();
    }
}
