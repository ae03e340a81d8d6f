package dev.fluxbase.bench.knowledge;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** Writes a knowledge base's row, documents and chunks, the chunks with COPY in text format. */
final class Loader {

    private static final int FLUSH_CHARS = 1 << 20;
    private static final String[] WORDS = ("policy refund invoice travel expense contract holiday onboarding laptop security "
            + "password network backup release deployment customer support ticket escalation warranty shipping return "
            + "payroll benefit pension training safety incident audit budget forecast quarter report meeting office").split(" ");

    private final Connection connection;
    private final Corpus corpus;
    /** Stored vectors kept for queries, by the ordinal of the chunk in its knowledge base. */
    final Map<Integer, float[]> kept = new HashMap<>();
    long generationNanos;

    Loader(Connection connection, Corpus corpus) {
        this.connection = connection;
        this.corpus = corpus;
    }

    void insertKnowledgeBase(Corpus.Base base) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ai.knowledge_bases (id, name, embedding_model, "
                + "embedding_dimensions) VALUES (?, ?, 'all-MiniLM-L6-v2', ?)")) {
            insert.setObject(1, base.id);
            insert.setString(2, base.name);
            insert.setInt(3, Corpus.DIMENSIONS);
            insert.executeUpdate();
        }
    }

    /** @param keep chunk ordinals whose vectors to remember (for the target knowledge base's queries) */
    void load(Corpus.Base base, java.util.Set<Integer> keep, Random random) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        CopyIn documents = pg.getCopyAPI().copyIn("COPY ai.documents (id, knowledge_base_id, title, content, status, chunk_count) FROM STDIN");
        StringBuilder out = new StringBuilder(FLUSH_CHARS + 8192);
        for (Corpus.Document document : base.documents) {
            out.append(document.id()).append('\t').append(base.id).append("\tDocument ").append(document.id()).append("\tSynthetic document on topic ")
                    .append(document.topic()).append("\tindexed\t").append(document.chunks()).append('\n');
            flushIfFull(documents, out);
        }
        finish(documents, out);

        CopyIn chunks = pg.getCopyAPI().copyIn("COPY ai.chunks (document_id, knowledge_base_id, chunk_index, content, token_count, embedding) FROM STDIN");
        int ordinal = 0;
        for (Corpus.Document document : base.documents) {
            for (int index = 0; index < document.chunks(); index++, ordinal++) {
                long start = System.nanoTime();
                float[] vector = corpus.chunk(base, document, random);
                if (keep.contains(ordinal)) {
                    kept.put(ordinal, vector);
                }
                out.append(document.id()).append('\t').append(base.id).append('\t').append(index).append('\t');
                appendText(out, random);
                out.append("\t200\t");
                Corpus.appendVector(out, vector);
                out.append('\n');
                generationNanos += System.nanoTime() - start;
                flushIfFull(chunks, out);
            }
        }
        finish(chunks, out);
    }

    /** About 800 characters, the size of a typical chunk's text, so that rows weigh what real ones do. */
    private static void appendText(StringBuilder out, Random random) {
        int start = out.length();
        while (out.length() - start < 800) {
            out.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(8) == 0 ? ". " : " ");
        }
    }

    private static void flushIfFull(CopyIn copy, StringBuilder out) throws SQLException {
        if (out.length() >= FLUSH_CHARS) {
            byte[] bytes = out.toString().getBytes(StandardCharsets.US_ASCII);
            copy.writeToCopy(bytes, 0, bytes.length);
            out.setLength(0);
        }
    }

    private static void finish(CopyIn copy, StringBuilder out) throws SQLException {
        byte[] bytes = out.toString().getBytes(StandardCharsets.US_ASCII);
        copy.writeToCopy(bytes, 0, bytes.length);
        out.setLength(0);
        copy.endCopy();
    }
}
