package dev.fluxbase.ai.platform.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * A {@code jsonb} column as its JSON text. Written as a plain string (the data source sends strings
 * untyped, so PostgreSQL casts it); read back from the driver's {@code PGobject}, whose text is the JSON.
 */
@Converter
public class JsonbTextConverter implements AttributeConverter<String, Object> {

    @Override
    public Object convertToDatabaseColumn(String json) {
        return json;
    }

    @Override
    public String convertToEntityAttribute(Object column) {
        return column == null ? null : column.toString();
    }
}
