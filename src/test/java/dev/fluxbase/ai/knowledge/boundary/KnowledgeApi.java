package dev.fluxbase.ai.knowledge.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.Eventually;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The knowledge-base admin calls as the SDK makes them, with the service key. */
public final class KnowledgeApi {

    public static final String BASE = "/api/v1/admin/ai/knowledge-bases";

    private final ServerUnderTest server;

    public KnowledgeApi(ServerUnderTest server) {
        this.server = server;
    }

    public ApiResponse call(String method, String path, String body) {
        return server.call(method, path, server.serviceKey(), body);
    }

    public ApiResponse get(String path) {
        return server.get(path, server.serviceKey());
    }

    public JsonObject createKnowledgeBase(String name) {
        ApiResponse response = call("POST", BASE, Json.createObjectBuilder().add("name", name).add("chunk_size", 64)
                .add("chunk_overlap", 8).build().toString());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    public String addDocument(String kb, String title, String content) {
        ApiResponse response = call("POST", BASE + "/" + kb + "/documents",
                Json.createObjectBuilder().add("title", title).add("content", content).build().toString());
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return response.json().getString("document_id");
    }

    public JsonObject awaitStatus(String kb, String document, String status) {
        String path = BASE + "/" + kb + "/documents/" + document;
        Eventually.await("document " + document + " " + status, Duration.ofSeconds(60),
                () -> status.equals(get(path).json().getString("status")));
        return get(path).json();
    }

    public String readyDocument(String kb, String title, String content) {
        String id = addDocument(kb, title, content);
        awaitStatus(kb, id, "indexed");
        return id;
    }

    public void deleteAll() {
        for (JsonObject kb : get(BASE).array("knowledge_bases").getValuesAs(JsonObject.class)) {
            assertThat(call("DELETE", BASE + "/" + kb.getString("id"), null).status()).isEqualTo(204);
        }
    }

    /** A multipart upload like the SDK's FormData: part "file" with a file name, optionally "title". */
    public ApiResponse upload(String kb, String fileName, String contentType, byte[] content, String title) {
        String boundary = "----fluxbase-it-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n");
        if (title != null) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title + "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        HttpRequest request = HttpRequest.newBuilder(server.http(BASE + "/" + kb + "/documents/upload"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + server.serviceKey())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return server.send(request);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
