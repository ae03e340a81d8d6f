package dev.fluxbase.ai.knowledge.tables.entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows of a table as text, as the export role read them; a value is null where the row holds NULL. A document shows
 * at most {@code MAX_VALUE_LENGTH} characters of a value: a sample shows what the data looks like, not the data.
 */
public record SampleRows(List<String> columns, List<List<String>> rows) {

    public static final int MAX_VALUE_LENGTH = 200;

    public static final SampleRows NONE = new SampleRows(List.of(), List.of());

    public SampleRows {
        columns = List.copyOf(columns);
        List<List<String>> copies = new ArrayList<>();
        rows.forEach(row -> copies.add(Collections.unmodifiableList(new ArrayList<>(row))));
        rows = List.copyOf(copies);
    }
}
