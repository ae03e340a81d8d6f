package dev.fluxbase.ai.chatbots.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.ChatbotSource;
import dev.fluxbase.ai.chatbots.entity.SyncResult.SyncError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The chatbot files below the chatbots directory: {@code <name>/index.ts} is in namespace
 * {@code default}, {@code <namespace>/<name>/index.ts} in its namespace. Hidden directories,
 * {@code node_modules} and {@code _shared} are skipped.
 */
public final class ChatbotDirectory {

    /** The readable files, and the ones that could not be read. */
    public record Contents(List<ChatbotSource> sources, List<SyncError> errors) {
    }

    private static final String FILE_NAME = "index.ts";

    private ChatbotDirectory() {
    }

    public static Contents read(Path root) {
        if (!Files.isDirectory(root)) {
            return new Contents(List.of(), List.of());
        }
        List<ChatbotSource> sources = new ArrayList<>();
        List<SyncError> errors = new ArrayList<>();
        for (Path file : chatbotFiles(root)) {
            Path relative = root.relativize(file);
            String name = file.getParent().getFileName().toString();
            String namespace = relative.getNameCount() >= 3 ? relative.getName(0).toString() : ChatbotDefinition.DEFAULT_NAMESPACE;
            try {
                sources.add(new ChatbotSource(namespace, name, file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                errors.add(new SyncError(name, file + ":0: cannot read: " + e.getMessage(), "read"));
            }
        }
        return new Contents(List.copyOf(sources), List.copyOf(errors));
    }

    private static List<Path> chatbotFiles(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> p.getFileName().toString().equals(FILE_NAME))
                    .filter(p -> !p.getParent().equals(root))
                    .filter(p -> isVisible(root.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isVisible(Path relative) {
        for (Path part : relative.getParent()) {
            String name = part.toString();
            if (name.startsWith(".") || name.equals("node_modules") || name.equals("_shared")) {
                return false;
            }
        }
        return true;
    }
}
