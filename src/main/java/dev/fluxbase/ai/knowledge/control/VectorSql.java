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

    /**
     * Top-k by cosine distance, then the similarity threshold. Parameters: the query vector in pgvector's
     * text form (twice), the row limit, the threshold.
     */
    public static String search(UUID knowledgeBase, int dimensions) {
        String column = column("c.embedding", dimensions);
        String parameter = "cast(? AS vector(" + dimensions + "))";
        return "SELECT * FROM (SELECT c.id, c.document_id, d.title, c.content, c.metadata::text AS metadata, "
                + "1 - (" + column + " <=> " + parameter + ") AS similarity FROM ai.chunks c JOIN ai.documents d ON d.id = c.document_id "
                + "WHERE c.knowledge_base_id = '" + knowledgeBase + "' ORDER BY " + column + " <=> " + parameter + " LIMIT ?) hits "
                + "WHERE similarity >= ? ORDER BY similarity DESC";
    }

    /**
     * Given chunks of the knowledge base with their similarity to the query, for chunks that came from elsewhere than
     * the index (the knowledge graph). Parameters: the query vector in pgvector's text form, the chunk ids as a text array.
     */
    public static String similarities(UUID knowledgeBase, int dimensions) {
        return "SELECT c.id, c.document_id, d.title, c.content, c.metadata::text AS metadata, 1 - (" + column("c.embedding", dimensions)
                + " <=> cast(? AS vector(" + dimensions + "))) AS similarity FROM ai.chunks c JOIN ai.documents d ON d.id = c.document_id "
                + "WHERE c.knowledge_base_id = '" + knowledgeBase + "' AND c.id = ANY (cast(? AS uuid[]))";
    }

    private static String column(String embedding, int dimensions) {
        return embedding + "::vector(" + dimensions + ")";
    }
}
