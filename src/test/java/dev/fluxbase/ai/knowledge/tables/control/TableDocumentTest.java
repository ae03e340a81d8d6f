package dev.fluxbase.ai.knowledge.tables.control;

import static dev.fluxbase.ai.knowledge.tables.control.Tables.options;
import static dev.fluxbase.ai.knowledge.tables.control.Tables.orders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.knowledge.tables.entity.SampleRows;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableDocumentTest {

    @Test
    void describesTheTableWithItsColumnsKeysAndComments() {
        String document = TableDocument.render(orders(1234L, "Order total in EUR"), options(List.of(), false, false, false), SampleRows.NONE);

        assertThat(document).startsWith("# Table: shop.orders\n\nDatabase table `orders` in schema `shop`. Orders placed in the shop\n")
                .contains("Primary key: `id`.\n", "Estimated rows: about 1,200.\n", "Row-level security is enabled")
                .contains("| Column | Type | Nullable | Default | Keys | Description |\n")
                .contains("| id | integer | NOT NULL | nextval('shop.orders_id_seq'::regclass) | primary key |  |\n")
                .contains("| customer_id | uuid | NOT NULL |  | foreign key | Who ordered |\n")
                .contains("| code | character varying(12) | NOT NULL |  | unique |  |\n")
                .contains("| amount | numeric | NOT NULL |  |  | Order total in EUR |\n")
                .doesNotContain("## Foreign keys", "## Indexes", "## Sample rows", "Exporting");
    }

    @Test
    void foreignKeysAndIndexesWhenAsked() {
        String document = TableDocument.render(orders(null, null), options(List.of(), false, true, true), SampleRows.NONE);

        assertThat(document).contains("Estimated rows: unknown (not analysed yet).")
                .contains("## Foreign keys\n\n- `customer_id` references `shop.customers` (`id`), ON DELETE CASCADE, ON UPDATE NO ACTION "
                        + "(constraint `orders_customer_fk`)\n")
                .contains("## Indexes\n\n- `orders_pkey` on (`id`), primary key\n- `orders_code_key` on (`code`), unique\n");
    }

    @Test
    void onlyTheChosenColumnsAndTheirSampleRows() {
        SampleRows samples = new SampleRows(List.of("id", "amount"), List.of(List.of("1", "49.90"), Arrays.asList("2", null)));

        String document = TableDocument.render(orders(3L, "Total"), options(List.of("amount", "id"), true, false, false), samples);

        assertThat(document).contains("Estimated rows: 3.", "Exporting 2 of 5 columns.")
                .contains("| id | integer |", "| amount | numeric |").doesNotContain("| customer_id |", "| code |")
                .endsWith("## Sample rows\n\n| id | amount |\n|---|---|\n| 1 | 49.90 |\n| 2 | NULL |\n");
    }

    @Test
    void sampleValuesStayInTheirCellAndAreCut() {
        String longValue = "x".repeat(SampleRows.MAX_VALUE_LENGTH + 1);
        SampleRows samples = new SampleRows(List.of("id", "amount"), List.of(List.of("a|b", "line one\nline two"), List.of("1", longValue)));

        String document = TableDocument.render(orders(3L, null), options(List.of("id", "amount"), true, false, false), samples);

        assertThat(document).contains("| a\\|b | line one line two |\n")
                .contains("| 1 | " + "x".repeat(SampleRows.MAX_VALUE_LENGTH) + "… |\n");
    }

    @Test
    void tablesWithoutVisibleRowsSaySo() {
        String document = TableDocument.render(orders(3L, null), options(List.of(), true, false, false),
                new SampleRows(List.of("id"), List.of()));

        assertThat(document).endsWith("## Sample rows\n\nNo rows are visible to the export role.\n");
    }

    @Test
    void rowEstimatesAreRoundedToTwoDigits() {
        assertThat(TableDocument.roughly(0L)).isEqualTo("0");
        assertThat(TableDocument.roughly(87L)).isEqualTo("87");
        assertThat(TableDocument.roughly(1249L)).isEqualTo("about 1,200");
        assertThat(TableDocument.roughly(1250L)).isEqualTo("about 1,300");
        assertThat(TableDocument.roughly(98_765_432L)).isEqualTo("about 99,000,000");
    }
}
