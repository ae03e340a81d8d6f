package dev.fluxbase.ai.knowledge.tables.control;

import dev.fluxbase.ai.knowledge.tables.entity.ExportOptions;
import dev.fluxbase.ai.knowledge.tables.entity.TableColumn;
import dev.fluxbase.ai.knowledge.tables.entity.TableDetails;
import dev.fluxbase.ai.knowledge.tables.entity.TableForeignKey;
import dev.fluxbase.ai.knowledge.tables.entity.TableIndex;
import dev.fluxbase.ai.knowledge.tables.entity.TableName;
import java.util.List;
import java.util.Optional;

/** An orders table as the catalog would describe it, for the rendering and fingerprint tests. */
final class Tables {

    static final TableName ORDERS = new TableName("shop", "orders");

    private Tables() {
    }

    static TableDetails orders(Long rowEstimate, String amountComment) {
        return new TableDetails(ORDERS, "table", List.of(
                new TableColumn("id", "integer", false, "nextval('shop.orders_id_seq'::regclass)", true, false, false, null, 1, null),
                new TableColumn("customer_id", "uuid", false, null, false, true, false, null, 2, "Who ordered"),
                new TableColumn("code", "character varying", false, null, false, false, true, 12, 3, null),
                new TableColumn("amount", "numeric", false, null, false, false, false, null, 4, amountComment),
                new TableColumn("updated_at", "timestamp with time zone", false, "now()", false, false, false, null, 5, null)),
                List.of("id"),
                List.of(new TableForeignKey("orders_customer_fk", "customer_id", "shop", "customers", "id", "CASCADE", "NO ACTION")),
                List.of(new TableIndex("orders_pkey", List.of("id"), true, true), new TableIndex("orders_code_key", List.of("code"), true, false)),
                true, rowEstimate, "Orders placed in the shop");
    }

    static ExportOptions options(List<String> columns, boolean samples, boolean foreignKeys, boolean indexes) {
        return new ExportOptions(ORDERS, columns, samples, 5, foreignKeys, indexes, Optional.empty());
    }
}
