package dev.fluxbase.ai.chatbots.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.ChatbotFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads every {@code index.ts} below the chatbots directory. {@code <name>/index.ts} is in namespace
 * {@code default}; {@code <namespace>/<name>/index.ts} in its namespace. A file that fails to parse is
 * reported and the others still load.
 */
public final class ChatbotDirectory {

    public record Loaded(List<ChatbotDefinition> chatbots, List<ChatbotFileException> errors) {
    }

    private static final String FILE_NAME = "index.ts";

    private final ChatbotFileParser parser = new ChatbotFileParser();

    public Loaded load(Path root) {
        List<ChatbotDefinition> chatbots = new ArrayList<>();
        List<ChatbotFileException> errors = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return new Loaded(List.of(), List.of());
        }
        for (Path file : chatbotFiles(root)) {
            try {
                chatbots.add(read(root, file));
            } catch (ChatbotFileException e) {
                errors.add(e);
            }
        }
        return new Loaded(List.copyOf(chatbots), List.copyOf(errors));
    }

    private ChatbotDefinition read(Path root, Path file) throws ChatbotFileException {
        Path relative = root.relativize(file);
        String name = file.getParent().getFileName().toString();
        String namespace = relative.getNameCount() >= 3 ? relative.getName(0).toString() : ChatbotDefinition.DEFAULT_NAMESPACE;
        try {
            return parser.parse(file.toString(), namespace, name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ChatbotFileException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
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
