package dev.fluxbase.ai.platform.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * For nullable {@code uuid} columns: EclipseLink 4.0's own UUID mapping fails on SQL NULL
 * (a NullPointerException while reading the row), so such columns go through this converter.
 */
@Converter
public class NullableUuidConverter implements AttributeConverter<UUID, Object> {

    @Override
    public Object convertToDatabaseColumn(UUID value) {
        return value;
    }

    @Override
    public UUID convertToEntityAttribute(Object column) {
        if (column == null) {
            return null;
        }
        return column instanceof UUID uuid ? uuid : UUID.fromString(column.toString());
    }
}
