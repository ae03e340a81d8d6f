package dev.fluxbase.ai.knowledge.tables.control;

import dev.fluxbase.ai.knowledge.control.DocumentStore;
import dev.fluxbase.ai.knowledge.control.Ingestion;
import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.entity.KnowledgeDocument;
import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.fluxbase.ai.knowledge.entity.NewDocument;
import dev.fluxbase.ai.knowledge.tables.entity.ExportOptions;
import dev.fluxbase.ai.knowledge.tables.entity.ExportResult;
import dev.fluxbase.ai.knowledge.tables.entity.TableDetails;
import dev.fluxbase.ai.knowledge.tables.entity.TableName;
import dev.fluxbase.ai.platform.control.Jdbc;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Stores an export as the server's login: the document goes the normal document path (stored, then chunked and
 * embedded by {@link Ingestion}) under the source {@code table:schema.table}, so a re-export replaces it, and it is
 * written with the table's graph in one transaction. A document whose content did not change is not embedded
 * again. Exports of one table into one knowledge base take turns (an advisory lock), so a triggered and a
 * scheduled sync never make two documents.
 */
@ApplicationScoped
public class ExportWriter {

    @Inject
    DataSource dataSource;

    private final Jdbc jdbc = new Jdbc(() -> dataSource, e -> new KnowledgeException("Database error: " + e.getMessage(), e));

    @Inject
    Ingestion ingestion;

    /** @param content the rendered document; null keeps the document as it is (a sync found the table unchanged) */
    public ExportResult write(KnowledgeBase kb, ExportOptions options, TableDetails table, String content) {
        String source = options.table().documentSource();
        ExportResult result = jdbc.inLocalTransaction(connection -> {
            Jdbc.first(connection, "SELECT true FROM pg_advisory_xact_lock(hashtextextended(?, 0))", row -> true, kb.id() + "|" + source);
            Optional<KnowledgeDocument> existing = DocumentStore.findBySource(connection, kb.id(), source);
            boolean same = existing.isPresent() && !KnowledgeDocument.FAILED.equals(existing.get().status())
                    && (content == null || DocumentStore.sha256(content).equals(existing.get().contentHash()));
            if (!same && content == null) {
                throw new KnowledgeException("The table's document was deleted during the sync; the next sync exports it again");
            }
            UUID document = same ? existing.get().id() : DocumentStore.addOrReplace(connection, kb.id(), document(table, options, content));
            TableGraph.Written graph = TableGraph.write(connection, kb.id(), document, table, options);
            return new ExportResult(document, graph.entityId(), graph.relationshipIds(), !same);
        });
        if (result.reindexed()) {
            ingestion.submit(kb, result.documentId());
        }
        return result;
    }

    private static NewDocument document(TableDetails table, ExportOptions options, String content) {
        TableName name = table.name();
        JsonObjectBuilder metadata = JsonFactories.PROVIDER.createObjectBuilder().add("source", "database_export")
                .add("schema", name.schema()).add("table", name.table()).add("entity_type", "table").add("table_type", table.type())
                .add("rls_enabled", table.rlsEnabled()).add("exported_columns", table.exported(options.columns()).size())
                .add("total_columns", table.columns().size()).add("columns_filtered", !options.columns().isEmpty());
        if (!options.columns().isEmpty()) {
            metadata.add("columns", JsonFactories.PROVIDER.createArrayBuilder(options.columns()));
        }
        return new NewDocument(name.qualified(), content, name.documentSource(), "text/markdown", metadata.build().toString(),
                List.of("schema", "database", name.schema(), name.table()));
    }
}
