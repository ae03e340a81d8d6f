package dev.fluxbase.ai.rlschecks.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows a user's query returned, as far as a check cares: how many, and the owner of each (null owner values
 * included) when the check names an owner column.
 *
 * @param truncated the row cap stopped the read
 */
record VisibleRows(int count, List<String> owners, boolean truncated) {

    VisibleRows {
        owners = Collections.unmodifiableList(new ArrayList<>(owners)); // owners may be null: List.copyOf refuses them
    }
}
