package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.entity.KnowledgeBaseDefaults;
import dev.fluxbase.ai.knowledge.entity.KnowledgeConflict;
import dev.fluxbase.ai.knowledge.entity.KnowledgeDocument;
import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.fluxbase.ai.knowledge.entity.NewDocument;
import dev.fluxbase.ai.knowledge.entity.UploadLimits;
import dev.fluxbase.ai.platform.entity.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Knowledge bases kept as files, as chatbots are ({@code fluxbase.knowledge.dir}): each folder is a knowledge base of
 * namespace {@code default}, made with the defaults when missing (its settings are left alone when it exists), and
 * each file of a type uploads take is a document with the source {@code file:<folder>/<file>}, added when new and
 * replaced when its text changed. Documents added any other way are never touched, and a removed file leaves its
 * document, as a removed chatbot file leaves its chatbot. Runs at boot; every instance may run it, since an
 * unchanged file is left alone.
 */
@ApplicationScoped
public class KnowledgeDirectory {

    private static final Logger LOG = Logger.getLogger(KnowledgeDirectory.class.getName());
    private static final String NAMESPACE = "default";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    @Inject
    @ConfigProperty(name = "fluxbase.knowledge.dir", defaultValue = " ")
    String directory;

    @Inject
    KnowledgeBaseStore knowledgeBases;

    @Inject
    DocumentStore documents;

    @Inject
    Ingestion ingestion;

    @Inject
    EmbeddingService embeddings;

    @Inject
    AnnotationLinks annotationLinks;

    @Inject
    UploadSettings uploads;

    void loadAtBoot(@Observes SchemaReady ready) {
        if (directory.isBlank()) {
            return;
        }
        Path root = Path.of(directory.strip()).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            LOG.warning(() -> "fluxbase.knowledge.dir " + root + " is not a directory: no knowledge bases loaded from files");
            return;
        }
        try (Stream<Path> folders = Files.list(root)) {
            folders.filter(Files::isDirectory).sorted().forEach(this::load);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not load the knowledge bases from " + root, e);
        }
    }

    private void load(Path folder) {
        String name = folder.getFileName().toString();
        if (!NAME.matcher(name).matches()) {
            LOG.warning(() -> "Knowledge folder skipped: '" + name + "' is not a knowledge base name (letters, digits, _ . -)");
            return;
        }
        KnowledgeBase kb = existing(name).orElseGet(() -> created(name));
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not list " + folder, e);
            return;
        }
        long changed = files.stream().filter(file -> loadFile(kb, file)).count();
        LOG.info(() -> "Knowledge base '" + name + "' from " + folder + ": " + files.size() + " file(s), " + changed + " new or changed");
    }

    /** @return whether the file was new or changed, and so is being indexed */
    private boolean loadFile(KnowledgeBase kb, Path file) {
        String fileName = file.getFileName().toString();
        Optional<String> mimeType = FileTypes.mimeType(fileName, null);
        if (mimeType.isEmpty()) {
            LOG.warning(() -> "Knowledge file skipped, not a type uploads take: " + file);
            return false;
        }
        try {
            String text = TextExtractor.extract(read(file, uploads.limits()), mimeType.get(), uploads.limits());
            String source = "file:" + kb.name() + "/" + fileName;
            if (text.isBlank() || unchanged(documents.bySource(kb.id(), source), text)) {
                return false;
            }
            ingestion.submit(kb, documents.addOrReplace(kb.id(), new NewDocument(title(fileName), text, source, mimeType.get(), "{}", List.of())));
            return true;
        } catch (IOException | KnowledgeException e) {
            LOG.warning(() -> "Knowledge file skipped: " + file + ": " + e.getMessage());
            return false;
        }
    }

    private static boolean unchanged(Optional<KnowledgeDocument> stored, String text) {
        return stored.filter(d -> !KnowledgeDocument.FAILED.equals(d.status()) && DocumentStore.sha256(text).equals(d.contentHash())).isPresent();
    }

    private static byte[] read(Path file, UploadLimits limits) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(limits.maxBytes() + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > limits.maxBytes()) {
                throw new IOException("larger than the upload limit of " + limits.maxBytes() + " bytes");
            }
            return bytes;
        }
    }

    /** {@code getting-started.md}: "getting-started". */
    static String title(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private Optional<KnowledgeBase> existing(String name) {
        return knowledgeBases.all(Optional.of(NAMESPACE)).stream().filter(kb -> kb.name().equals(name)).findFirst();
    }

    /** Another instance booting at the same time may make it first: then that one is used. */
    private KnowledgeBase created(String name) {
        KnowledgeBase draft = new KnowledgeBase(null, name, NAMESPACE, "Loaded from the files of the knowledge directory",
                embeddings.defaultModel(), KnowledgeBaseDefaults.CHUNK_SIZE, KnowledgeBaseDefaults.CHUNK_OVERLAP, KnowledgeBaseDefaults.STRATEGY,
                true, 0, 0, null, null, false, null, "private");
        try {
            KnowledgeBase kb = knowledgeBases.create(draft);
            annotationLinks.knowledgeBaseCreated(kb.id());
            return kb;
        } catch (KnowledgeConflict e) {
            return existing(name).orElseThrow(() -> e);
        }
    }
}
