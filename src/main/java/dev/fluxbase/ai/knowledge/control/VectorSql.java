package dev.fluxbase.ai.knowledge.control;

import java.util.UUID;

/**
 * The SQL of vector indexes and searches, in one dependency-free place so that the benchmark in
 * {@code bench/knowledge} runs exactly what the server runs. Identifiers and literals are built from a
 * UUID and ints only, never from user text: the knowledge-base id and dimension are written into the SQL
 * so that the planner can match the knowledge base's partial HNSW index, which a bound parameter in a
 * generic plan would miss.
 */
public final class VectorSql {

    /**
     * The HNSW search width; a search never uses less than the rows it asks for. pgvector's default, 40,
     * found 0.84 of the exact top 5 over 100,000 chunks in bench/knowledge; 160 finds 0.98 for a fraction of a
     * millisecond more.
     */
    public static final int DEFAULT_EF_SEARCH = 160;

    private VectorSql() {
    }

    public static String indexName(UUID knowledgeBase) {
        return "chunks_hnsw_" + knowledgeBase.toString().replace("-", "");
    }

    /** Builds without blocking writes to the chunks table; cannot run inside a transaction. */
    public static String createIndex(UUID knowledgeBase, int dimensions) {
        return "CREATE INDEX CONCURRENTLY " + indexName(knowledgeBase) + " ON ai.chunks USING hnsw ((" + column("embedding", dimensions)
                + ") vector_cosine_ops) WHERE knowledge_base_id = '" + knowledgeBase + "'";
    }

    /** A plain DROP INDEX would lock the whole chunks table, blocking every search and every ingestion. */
    public static String dropIndex(UUID knowledgeBase) {
        return "DROP INDEX CONCURRENTLY IF EXISTS ai." + indexName(knowledgeBase);
    }

    /** One row when the index exists: whether it is valid (a failed concurrent build leaves it invalid). */
    public static String indexValidity(UUID knowledgeBase) {
        return "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = 'ai' AND c.relname = '" + indexName(knowledgeBase) + "'";
    }

    /** The index returns at most ef_search candidates: never fewer than asked for. */
    public static String setEfSearch(int maxChunks) {
        return "SET LOCAL hnsw.ef_search = " + Math.max(DEFAULT_EF_SEARCH, maxChunks);
    }

    /** The same over every document of the knowledge base. */
    public static String search(UUID knowledgeBase, int dimensions) {
        return search(knowledgeBase, dimensions, "TRUE");
    }

    /**
     * Top-k by cosine distance among the documents the scope (a condition on {@code ai.documents d}) lets through, then
     * the similarity threshold. Parameters: the query vector in pgvector's text form, the scope's parameters, the vector
     * again, the row limit, the threshold.
     */
    public static String search(UUID knowledgeBase, int dimensions, String scope) {
        String column = column("c.embedding", dimensions);
        String parameter = "cast(? AS vector(" + dimensions + "))";
        return "SELECT * FROM (SELECT c.id, c.document_id, d.title, c.content, c.metadata::text AS metadata, "
                + "1 - (" + column + " <=> " + parameter + ") AS similarity FROM ai.chunks c JOIN ai.documents d ON d.id = c.document_id "
                + "WHERE c.knowledge_base_id = '" + knowledgeBase + "' AND " + scope + " ORDER BY " + column + " <=> " + parameter
                + " LIMIT ?) hits WHERE similarity >= ? ORDER BY similarity DESC";
    }

    /**
     * Given chunks of the knowledge base with their similarity to the query, for chunks that came from elsewhere than
     * the index (the knowledge graph), among the documents the scope lets through. Parameters: the query vector in
     * pgvector's text form, the chunk ids as a text array, the scope's parameters.
     */
    public static String similarities(UUID knowledgeBase, int dimensions, String scope) {
        return "SELECT c.id, c.document_id, d.title, c.content, c.metadata::text AS metadata, 1 - (" + column("c.embedding", dimensions)
                + " <=> cast(? AS vector(" + dimensions + "))) AS similarity FROM ai.chunks c JOIN ai.documents d ON d.id = c.document_id "
                + "WHERE c.knowledge_base_id = '" + knowledgeBase + "' AND c.id = ANY (cast(? AS uuid[])) AND " + scope;
    }

    /**
     * pgvector 0.8's iterative index scan: with a scope, the index goes on past ef_search candidates until enough rows
     * pass the filter, instead of returning fewer (one user's few documents in a large knowledge base). Older versions
     * lack the setting; their filtered searches may then return fewer rows, never rows out of scope.
     */
    public static String setIterativeScan() {
        return "SET LOCAL hnsw.iterative_scan = strict_order";
    }

    /** The installed pgvector's version ({@code pg_extension.extversion}). */
    public static String extensionVersion() {
        return "SELECT extversion FROM pg_extension WHERE extname = 'vector'";
    }

    /** Whether that version has {@link #setIterativeScan()}: 0.8.0 and later. */
    public static boolean hasIterativeScan(String extversion) {
        if (extversion == null) {
            return false;
        }
        String[] parts = extversion.split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            return major > 0 || parts.length > 1 && Integer.parseInt(parts[1]) >= 8;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String column(String embedding, int dimensions) {
        return embedding + "::vector(" + dimensions + ")";
    }
}
