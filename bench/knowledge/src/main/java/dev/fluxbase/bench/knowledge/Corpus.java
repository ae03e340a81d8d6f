package dev.fluxbase.bench.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Synthetic embeddings shaped like a sentence-embedding model's (all-MiniLM-L6-v2: 384 dimensions,
 * unit length): every vector mixes a direction shared by all texts (real models are anisotropic, so
 * unrelated texts still score about 0.1), its topic's centroid, its document's centroid and noise of its
 * own, then is normalised. With the weights below, chunks of one document score about 0.68 with each
 * other, chunks of one topic about 0.47, unrelated chunks about 0.1, which is what the model gives for
 * such texts. Uniform random vectors would be far easier for HNSW and far from real data.
 */
final class Corpus {

    static final int DIMENSIONS = 384;
    static final double SHARED = 0.3;
    static final double TOPIC = 0.6;
    static final double DOCUMENT = 0.45;
    static final double NOISE = 0.55;
    static final int MIN_CHUNKS_PER_DOCUMENT = 5;
    static final int MAX_CHUNKS_PER_DOCUMENT = 35;

    record Document(UUID id, int topic, float[] centroid, int chunks) {
    }

    /** One knowledge base's documents; chunks are drawn from them on demand. */
    static final class Base {
        final UUID id = UUID.randomUUID();
        final String name;
        final int chunks;
        final float[][] topics;
        final List<Document> documents = new ArrayList<>();

        Base(String name, int chunks, int topicCount, Random random) {
            this.name = name;
            this.chunks = chunks;
            this.topics = new float[topicCount][];
            for (int t = 0; t < topicCount; t++) {
                topics[t] = unit(random);
            }
            int remaining = chunks;
            while (remaining > 0) {
                int n = Math.min(remaining, MIN_CHUNKS_PER_DOCUMENT + random.nextInt(MAX_CHUNKS_PER_DOCUMENT - MIN_CHUNKS_PER_DOCUMENT + 1));
                documents.add(new Document(UUID.randomUUID(), random.nextInt(topicCount), unit(random), n));
                remaining -= n;
            }
        }
    }

    final float[] shared;

    Corpus(Random random) {
        this.shared = unit(random);
    }

    /** A chunk of the document: a fresh draw, so also "a new text on the same document" for queries. */
    float[] chunk(Base base, Document document, Random random) {
        float[] topic = base.topics[document.topic()];
        float[] v = new float[DIMENSIONS];
        double scale = 1 / Math.sqrt(DIMENSIONS);
        for (int i = 0; i < DIMENSIONS; i++) {
            v[i] = (float) (SHARED * shared[i] + TOPIC * topic[i] + DOCUMENT * document.centroid()[i] + NOISE * random.nextGaussian() * scale);
        }
        return normalise(v);
    }

    /** A query close to a stored chunk (a paraphrase): cosine similarity about 0.85 with it. */
    static float[] near(float[] stored, Random random) {
        float[] v = new float[DIMENSIONS];
        double scale = 0.6 / Math.sqrt(DIMENSIONS);
        for (int i = 0; i < DIMENSIONS; i++) {
            v[i] = (float) (stored[i] + random.nextGaussian() * scale);
        }
        return normalise(v);
    }

    static float[] unit(Random random) {
        float[] v = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return normalise(v);
    }

    static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float inverse = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inverse;
        }
        return v;
    }

    /** pgvector's text form with six decimals: shorter than Float.toString, and float4 keeps no more anyway. */
    static void appendVector(StringBuilder out, float[] v) {
        out.append('[');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            long micros = Math.round(v[i] * 1_000_000d);
            if (micros < 0) {
                out.append('-');
                micros = -micros;
            }
            out.append(micros / 1_000_000).append('.');
            String fraction = Long.toString(micros % 1_000_000);
            for (int pad = fraction.length(); pad < 6; pad++) {
                out.append('0');
            }
            out.append(fraction);
        }
        out.append(']');
    }
}
