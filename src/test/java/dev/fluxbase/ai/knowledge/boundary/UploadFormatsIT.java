package dev.fluxbase.ai.knowledge.boundary;

import static dev.fluxbase.ai.knowledge.boundary.KnowledgeApi.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import dev.fluxbase.ai.knowledge.control.Bombs;
import dev.fluxbase.ai.knowledge.control.FileTypes;
import dev.fluxbase.ai.knowledge.control.TestDocuments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One document of each format uploaded through the SDK's multipart call, indexed and found by search; bombs refused. */
@ExtendWith(FluxbaseServer.class)
class UploadFormatsIT {

    private static final int BOMB_MEGABYTES = 1024;

    private ServerUnderTest server;
    private KnowledgeApi api;

    record Sample(String fileName, String type, byte[] content, String query, String phrase) {
    }

    @BeforeEach
    void setUp(ServerUnderTest server) {
        this.server = server;
        this.api = new KnowledgeApi(server);
        api.deleteAll();
    }

    @AfterEach
    void tearDown() {
        api.deleteAll();
    }

    @Test
    void capabilitiesListEveryReadableFormat() {
        assertThat(api.get(BASE + "/capabilities").array("supported_file_types").getValuesAs(JsonString::getString))
                .containsExactly(".csv", ".docx", ".eml", ".epub", ".htm", ".html", ".json", ".markdown", ".md", ".odt", ".pdf", ".pptx",
                        ".rtf", ".txt", ".xlsx");
    }

    @Test
    void oneDocumentOfEachNewFormatIsIndexedAndFoundBySearch() {
        String kb = api.createKnowledgeBase("formats").getString("id");
        Map<Sample, String> uploaded = new LinkedHashMap<>();
        for (Sample sample : samples()) {
            ApiResponse response = api.upload(kb, sample.fileName(), "application/octet-stream", sample.content(), null);
            assertThat(response.status()).as(sample.fileName() + ": " + response).isEqualTo(202);
            assertThat(response.json().getString("mime_type")).as(sample.fileName()).isEqualTo(sample.type());
            assertThat(response.json().getInt("extracted_length")).as(sample.fileName()).isPositive();
            uploaded.put(sample, response.json().getString("document_id"));
        }
        uploaded.forEach((sample, id) -> assertThat(api.awaitStatus(kb, id, "indexed").getString("content"))
                .as(sample.fileName()).contains(sample.phrase()));

        uploaded.forEach((sample, id) -> {
            ApiResponse found = api.call("POST", BASE + "/" + kb + "/search",
                    Json.createObjectBuilder().add("query", sample.query()).add("max_chunks", 1).add("threshold", 0).build().toString());
            assertThat(found.status()).as(found.toString()).isEqualTo(200);
            JsonObject best = found.json().getJsonArray("results").getJsonObject(0);
            assertThat(best.getString("document_id")).as(sample.query()).isEqualTo(id);
            assertThat(best.getString("content")).as(sample.query()).contains(sample.phrase());
        });
    }

    @Test
    void officeFilesSentAsUntypedBlobsAreRecognisedByTheirContent() {
        String kb = api.createKnowledgeBase("blobs").getString("id");
        for (Sample sample : samples().stream().filter(s -> s.content()[0] == 'P').toList()) {
            ApiResponse response = api.upload(kb, "blob", "application/octet-stream", sample.content(), null);
            assertThat(response.status()).as(sample.type() + ": " + response).isEqualTo(202);
            assertThat(response.json().getString("mime_type")).isEqualTo(sample.type());
        }
        ApiResponse declared = api.upload(kb, "blob", FileTypes.DOCX, TestDocuments.docx("Declared by its type."), null);
        assertThat(declared.json().getString("mime_type")).isEqualTo(FileTypes.DOCX);
    }

    @Test
    void decompressionBombsAreRefusedAndNothingIsStored() {
        String kb = api.createKnowledgeBase("bombs").getString("id");
        Map<String, byte[]> bombs = Map.of("bomb.docx", Bombs.docx(BOMB_MEGABYTES), "bomb.pdf", Bombs.pdf(BOMB_MEGABYTES),
                "blob", Bombs.docx(BOMB_MEGABYTES));
        bombs.forEach((name, bomb) -> {
            ApiResponse response = api.upload(kb, name, "application/octet-stream", bomb, null);
            assertThat(response.status()).as(name + ": " + response).isEqualTo(413);
            assertThat(response.json().getString("code")).isEqualTo("DOCUMENT_TOO_LARGE");
            assertThat(response.json().getString("error")).contains("decompression bomb");
        });
        assertThat(api.get(BASE + "/" + kb + "/documents").json().getInt("count")).isZero();
        assertThat(server.column("SELECT count(*)::text FROM ai.documents WHERE knowledge_base_id = ?::uuid", kb)).containsExactly("0");
    }

    @Test
    void unreadableTypesAreRefusedWithTheirOwnCode() {
        String kb = api.createKnowledgeBase("unsupported").getString("id");
        ApiResponse response = api.upload(kb, "old.doc", "application/msword", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().getString("code")).isEqualTo("UNSUPPORTED_FILE_TYPE");
        assertThat(response.json().getString("error")).contains(".docx");
        ApiResponse broken = api.upload(kb, "broken.docx", "application/octet-stream", "PK but no zip".getBytes(StandardCharsets.UTF_8), null);
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().getString("error")).startsWith("Failed to extract text from file");
    }

    private static List<Sample> samples() {
        return List.of(
                new Sample("giraffes.docx", FileTypes.DOCX, TestDocuments.docx("Savanna notes.", "Giraffes sleep standing up near acacia trees."),
                        "giraffes acacia", "Giraffes sleep standing up near acacia trees."),
                new Sample("zebras.xlsx", FileTypes.XLSX, TestDocuments.xlsx("Herd", new String[] {"Animal", "Stripes"},
                        new String[] {"Zebra", "monochrome"}), "zebra stripes monochrome", "Zebra monochrome"),
                new Sample("otters.pptx", FileTypes.PPTX, TestDocuments.pptx("Sea otters hold paws while sleeping."),
                        "otters paws", "Sea otters hold paws while sleeping."),
                new Sample("badgers.odt", FileTypes.ODT, TestDocuments.odt("Badgers", "Badgers dig elaborate setts underground."),
                        "badgers setts", "Badgers dig elaborate setts underground."),
                new Sample("hedgehogs.epub", FileTypes.EPUB, TestDocuments.epub("Hedgehogs", "Hedgehogs hibernate beneath hedgerows."),
                        "hedgehogs hibernate", "Hedgehogs hibernate beneath hedgerows."),
                new Sample("walruses.rtf", FileTypes.RTF, TestDocuments.rtf("Walruses", "Walruses haul out on pack ice."),
                        "walruses pack ice", "Walruses haul out on pack ice."),
                new Sample("penguins.eml", FileTypes.EML, TestDocuments.eml("Penguin census", "Emperor penguins huddle through blizzards."),
                        "penguins huddle blizzards", "Emperor penguins huddle through blizzards."),
                new Sample("kettles.csv", FileTypes.CSV, "product,colour\nkettle,vermilion\n".getBytes(StandardCharsets.UTF_8),
                        "kettle vermilion", "kettle,vermilion"),
                new Sample("teapots.json", FileTypes.JSON, "{\"teapot\":{\"glaze\":\"celadon\"}}".getBytes(StandardCharsets.UTF_8),
                        "teapot glaze celadon", "teapot.glaze: celadon"));
    }
}
