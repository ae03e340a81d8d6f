package dev.fluxbase.ai.platform.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps a PostgreSQL {@code text[]} column to a list. EclipseLink has no array support for PostgreSQL:
 * values are written as array literals (the data source sends strings untyped, so PostgreSQL casts
 * them) and read back from the driver's {@link Array}.
 */
@Converter
public class TextArrayConverter implements AttributeConverter<List<String>, Object> {

    @Override
    public Object convertToDatabaseColumn(List<String> values) {
        if (values == null) {
            return null;
        }
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    @Override
    public List<String> convertToEntityAttribute(Object column) {
        if (column == null) {
            return List.of();
        }
        if (column instanceof Array array) {
            try {
                return List.of((String[]) array.getArray());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read a text[] column", e);
            }
        }
        if (column instanceof String[] strings) {
            return List.of(strings);
        }
        return parseLiteral(column.toString());
    }

    static List<String> parseLiteral(String literal) {
        String body = literal.strip();
        if (body.length() < 2 || body.equals("{}")) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 1; i < body.length() - 1; i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() - 1) {
                current.append(body.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                values.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        values.add(current.toString());
        return Arrays.asList(values.toArray(String[]::new));
    }
}
