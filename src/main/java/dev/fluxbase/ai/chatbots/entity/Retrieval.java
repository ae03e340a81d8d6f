package dev.fluxbase.ai.chatbots.entity;

import dev.fluxbase.ai.platform.entity.TextArrayConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** The knowledge bases a chatbot file names, how many chunks a search returns and how similar they must be. */
@Embeddable
public class Retrieval {


    @Convert(converter = TextArrayConverter.class)
    @Column(name = "knowledge_bases")
    private List<String> knowledgeBases;
    @Column(name = "rag_max_chunks")
    private int maxChunks;
    @Column(name = "rag_similarity_threshold")
    private BigDecimal similarityThreshold;

    protected Retrieval() {
        // for JPA
    }

    /** The guide's defaults; a new instance each time, as an embedded value belongs to one chatbot. */
    public static Retrieval defaults() {
        return new Retrieval(List.of(), 5, new BigDecimal("0.7"));
    }

    private Retrieval(List<String> knowledgeBases, int maxChunks, BigDecimal similarityThreshold) {
        this.knowledgeBases = List.copyOf(knowledgeBases);
        this.maxChunks = Bounds.atLeast(1, maxChunks);
        this.similarityThreshold = Bounds.between(BigDecimal.ZERO, BigDecimal.ONE, Objects.requireNonNull(similarityThreshold));
    }

    public List<String> knowledgeBases() {
        return knowledgeBases;
    }

    public int maxChunks() {
        return maxChunks;
    }

    public BigDecimal similarityThreshold() {
        return similarityThreshold;
    }

    public Retrieval withKnowledgeBases(List<String> knowledgeBases) {
        return new Retrieval(knowledgeBases, maxChunks, similarityThreshold);
    }

    public Retrieval withMaxChunks(int maxChunks) {
        return new Retrieval(knowledgeBases, maxChunks, similarityThreshold);
    }

    public Retrieval withSimilarityThreshold(BigDecimal similarityThreshold) {
        return new Retrieval(knowledgeBases, maxChunks, similarityThreshold);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Retrieval r && knowledgeBases.equals(r.knowledgeBases) && maxChunks == r.maxChunks
                && Objects.equals(similarityThreshold, r.similarityThreshold);
    }

    @Override
    public int hashCode() {
        return Objects.hash(knowledgeBases, maxChunks, similarityThreshold);
    }

    @Override
    public String toString() {
        return "Retrieval[knowledgeBases=" + knowledgeBases + ", maxChunks=" + maxChunks + ", similarityThreshold=" + similarityThreshold + "]";
    }
}
