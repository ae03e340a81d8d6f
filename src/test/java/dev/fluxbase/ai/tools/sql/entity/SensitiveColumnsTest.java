package dev.fluxbase.ai.tools.sql.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The sensitive columns of comments and of {@code @fluxbase:sensitive-columns}, as the masking looks them up. */
class SensitiveColumnsTest {

    @Test
    void aDeclaredColumnWithoutSchemaIsSensitiveInEverySchemaAndOneWithSchemaInThatOne() {
        SensitiveColumns columns = SensitiveColumns.builder().addDeclared("users.email").addDeclared(" crm.Contacts.phone:tel ").build();
        assertThat(columns.label(new ColumnOrigin("public", "users", "email"))).contains("email");
        assertThat(columns.label(new ColumnOrigin("sales", "users", "email"))).contains("email");
        assertThat(columns.label(new ColumnOrigin("crm", "contacts", "phone"))).contains("tel");
        assertThat(columns.label(new ColumnOrigin("public", "contacts", "phone"))).isEmpty();
        assertThat(columns.label(ColumnOrigin.NONE)).isEmpty();
    }

    @Test
    void aTableHasASensitiveColumnByItsQualifiedOrBareName() {
        SensitiveColumns columns = SensitiveColumns.builder().add("public", "users", "email", "email").addDeclared("orders.note").build();
        assertThat(columns.inTable("public.users")).isTrue();
        assertThat(columns.inTable("users")).isTrue();
        assertThat(columns.inTable("crm.users")).isFalse();
        assertThat(columns.inTable("crm.orders")).isTrue();
        assertThat(columns.inTable("public.products")).isFalse();
        assertThat(columns.byColumnName()).containsEntry("email", "email").containsEntry("note", "note");
    }

    @Test
    void theFirstLabelOfAColumnWinsAndABadEntryIsRefused() {
        SensitiveColumns columns = SensitiveColumns.builder().add("public", "users", "email", "mail").add("public", "users", "email", "email").build();
        assertThat(columns.label(new ColumnOrigin("public", "users", "email"))).contains("mail");
        assertThatThrownBy(() -> SensitiveColumns.builder().addDeclared("email")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SensitiveColumns.builder().build()).isSameAs(SensitiveColumns.NONE);
    }
}
