package dev.fluxbase.ai.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.ChatClient;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import dev.fluxbase.ai.it.support.SqlFixture;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The console's administration pages in headless Chromium, signed in with a service key; every change is checked through the API. */
@ExtendWith({FluxbaseServer.class, ConsoleBrowser.PerClass.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleAdminIT {

    private static final String CHATBOT = "default/console-bot";
    private static final String PROVIDER = "console-openai";
    private static final String ENTRA_PROVIDER = "console-entra";
    private static final String KNOWLEDGE_BASE = "console-handbook";
    private static final String HANDBOOK = "Refunds are paid within fourteen days of a returned order.";

    private ConsoleBrowser browser;
    private ServerUnderTest server;

    @BeforeAll
    static void signIn(ConsoleBrowser browser) {
        browser.signIn(browser.server().serviceKey());
    }

    @BeforeEach
    void setUp(ConsoleBrowser opened) {
        browser = opened;
        server = opened.server();
    }

    /** Leaves the server as the other tests expect it, whatever happened here. */
    @AfterAll
    static void cleanUp(ServerUnderTest server) {
        String key = server.serviceKey();
        server.call("PUT", "/api/v1/admin/ai/chatbots/" + chatbotId(server) + "/toggle", key, "{\"enabled\":true}");
        server.execute("DELETE FROM ai.rls_checks WHERE chatbot_id = ?::uuid", chatbotId(server));
        server.get("/api/v1/admin/ai/providers", key).array("providers").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("name").equals(PROVIDER) || p.getString("name").equals(ENTRA_PROVIDER))
                .forEach(p -> server.call("DELETE", "/api/v1/admin/ai/providers/" + p.getString("id"), key, null));
        server.get("/api/v1/admin/ai/knowledge-bases", key).array("knowledge_bases").getValuesAs(JsonObject.class).stream()
                .filter(kb -> kb.getString("name").equals(KNOWLEDGE_BASE))
                .forEach(kb -> server.call("DELETE", "/api/v1/admin/ai/knowledge-bases/" + kb.getString("id"), key, null));
    }

    @Test
    @Order(1)
    void aServiceKeySeesTheAdministration() {
        assertThat(browser.find("#identity-text").getText()).isEqualTo("service_role (admin)");
        assertThat(browser.driver.findElements(By.cssSelector("#nav a")).stream().filter(WebElement::isDisplayed).map(WebElement::getText))
                .containsExactly("Chat", "Chatbots", "Providers", "Knowledge bases", "Usage");
    }

    @Test
    @Order(2)
    void anAdminDisablesAndEnablesAChatbotViewsItsCodeAndPreviewsASync() {
        browser.go("#/admin/chatbots");
        WebElement namespace = browser.find("input[name=namespace]");
        namespace.sendKeys("default");
        browser.find("form[role=search] button").click();
        browser.await(d -> d.findElements(By.cssSelector("tr[data-chatbot]")).stream()
                .allMatch(row -> row.getAttribute("data-chatbot").startsWith("default/")));
        WebElement toggle = browser.find("input[role=switch][data-chatbot='" + CHATBOT + "']");
        assertThat(toggle.isSelected()).isTrue();

        toggle.click();
        browser.await(d -> toggle.isEnabled() && "false".equals(toggle.getAttribute("aria-checked")));
        assertThat(enabled()).as("the API says the chatbot is disabled").isFalse();
        assertThat(server.get("/api/v1/ai/chatbots", null).array("chatbots").getValuesAs(JsonObject.class))
                .noneMatch(c -> c.getString("name").equals("console-bot"));

        browser.find("button[aria-label='View " + CHATBOT + "']").click();
        WebElement detail = browser.find("section.detail");
        assertThat(detail.findElement(By.tagName("h2")).getText()).isEqualTo(CHATBOT);
        assertThat(detail.findElement(By.cssSelector("pre.code")).getText()).contains("@fluxbase:persist-conversations true");
        assertThat(detail.findElement(By.cssSelector("dl.settings")).getText()).contains("Rate limit (per minute)\n100");
        detail.findElement(By.xpath(".//button[text()='Close']")).click();
        assertThat(detail.isDisplayed()).isFalse();

        browser.find("form[aria-labelledby=sync-title] button[value=preview]").click();
        WebElement preview = browser.find(".sync-result ul.sync-summary");
        assertThat(browser.find(".sync-result p").getText()).isEqualTo("Dry run: no changes made to namespace default");
        assertThat(preview.getText()).contains("unchanged:");
        browser.screenshot("admin-chatbots");

        toggle.click();
        browser.await(d -> toggle.isEnabled() && "true".equals(toggle.getAttribute("aria-checked")));
        assertThat(enabled()).as("the API says the chatbot is enabled again").isTrue();
    }

    @Test
    @Order(3)
    void anAdminCreatesAProviderAndEditsItWithoutSeeingItsKey() {
        browser.go("#/admin/providers");
        browser.find("main .actions button").click();
        browser.find("input[name=name]").sendKeys(PROVIDER);
        browser.find("input[name=display_name]").sendKeys("Console OpenAI");
        new Select(browser.find("select[name=provider_type]")).selectByValue("openai");
        browser.find("input[name=model]").sendKeys(FluxbaseServer.LLM_MODEL);
        browser.find("input[name=base_url]").sendKeys(server.llm().openAiBaseUrl());
        browser.find("input[name=api_key]").sendKeys("sk-console-secret");
        browser.find("form.provider-form button[type=submit]").click();

        WebElement row = browser.find("tr[data-provider='" + PROVIDER + "']");
        assertThat(row.getText()).contains("Console OpenAI", "openai", "***masked***").doesNotContain("sk-console-secret");
        JsonObject stored = provider();
        assertThat(stored.getJsonObject("config").getString("api_key")).isEqualTo("***masked***");
        assertThat(stored.getBoolean("is_default")).isFalse();

        row.findElement(By.cssSelector("button[aria-label='Edit " + PROVIDER + "']")).click();
        WebElement key = browser.find("input[name=api_key]");
        assertThat(key.getAttribute("value")).isEmpty();
        assertThat(key.getAttribute("placeholder")).contains("masked");
        WebElement displayName = browser.find("input[name=display_name]");
        displayName.clear();
        displayName.sendKeys("Console OpenAI (edited)");
        browser.screenshot("providers");
        browser.find("form.provider-form button[type=submit]").click();
        browser.await(d -> browser.visible(By.cssSelector("form.provider-form")) == null);
        browser.await(d -> browser.find("tr[data-provider='" + PROVIDER + "']").getText().contains("(edited)"));

        JsonObject edited = provider();
        assertThat(edited.getString("display_name")).isEqualTo("Console OpenAI (edited)");
        assertThat(edited.getJsonObject("config").getString("api_key")).as("the stored key was kept").isEqualTo("***masked***");
        assertThat(server.column("SELECT count(*)::text FROM ai.providers WHERE name = ? AND api_key_encrypted IS NOT NULL", PROVIDER))
                .containsExactly("1");
    }

    /** The form shows each type's own settings; an Azure provider signs in with Entra ID, its client secret masked like a key. */
    @Test
    @Order(3)
    void anAdminCreatesAnAzureProviderThatSignsInWithEntraId() {
        browser.go("#/admin/providers");
        browser.find("main .actions button").click();
        Select type = new Select(browser.find("select[name=provider_type]"));
        assertThat(type.getOptions()).extracting(WebElement::getText).containsExactly("openai", "azure", "ollama", "anthropic", "gemini");
        type.selectByValue("ollama");
        assertThat(browser.find("input[name=num_ctx]").isDisplayed()).isTrue();
        type.selectByValue("anthropic");
        assertThat(browser.find("input[name=base_url]").isDisplayed()).isTrue();
        assertThat(browser.visible(By.cssSelector("input[name=num_ctx]"))).as("Ollama's setting, hidden for Anthropic").isNull();
        type.selectByValue("azure");
        browser.find("input[name=name]").sendKeys(ENTRA_PROVIDER);
        browser.find("input[name=endpoint]").sendKeys("https://entra.openai.azure.example");
        browser.find("input[name=deployment_name]").sendKeys("gpt-4o");
        browser.find("input[name=tenant_id]").sendKeys("tenant-console");
        browser.find("input[name=client_id]").sendKeys("client-console");
        browser.find("input[name=client_secret]").sendKeys("entra-console-secret");
        browser.find("form.provider-form button[type=submit]").click();

        WebElement row = browser.find("tr[data-provider='" + ENTRA_PROVIDER + "']");
        assertThat(row.getText()).contains("azure").doesNotContain("entra-console-secret");
        JsonObject config = provider(ENTRA_PROVIDER).getJsonObject("config");
        assertThat(config.getString("client_secret")).isEqualTo("***masked***");
        assertThat(config.getString("tenant_id")).isEqualTo("tenant-console");
        assertThat(config.containsKey("api_key")).isFalse();
        row.findElement(By.cssSelector("button[aria-label='Edit " + ENTRA_PROVIDER + "']")).click();
        assertThat(browser.find("input[name=client_secret]").getAttribute("placeholder")).contains("masked");
        browser.find("form.provider-form button[type=submit]").click();
        browser.await(d -> browser.visible(By.cssSelector("form.provider-form")) == null);
        JsonObject kept = provider(ENTRA_PROVIDER);
        assertThat(kept.getJsonObject("config").getString("client_secret")).as("the stored secret was kept").isEqualTo("***masked***");
        // gone again, so that the providers screenshot shows what it always showed
        server.call("DELETE", "/api/v1/admin/ai/providers/" + kept.getString("id"), server.serviceKey(), null);
    }

    @Test
    @Order(4)
    void anAdminUploadsADocumentWatchesItBecomeReadyAndSearchesIt() throws IOException {
        browser.go("#/admin/knowledge");
        browser.find("input[name=kb-name]").sendKeys(KNOWLEDGE_BASE);
        WebElement size = browser.find("input[name=chunk_size]");
        size.clear();
        size.sendKeys("64");
        WebElement overlap = browser.find("input[name=chunk_overlap]");
        overlap.clear();
        overlap.sendKeys("8");
        browser.find("form[aria-labelledby=kb-create-title] button[type=submit]").click();
        assertThat(browser.find("#kb-title").getText()).isEqualTo("default/" + KNOWLEDGE_BASE);

        Path file = Files.createDirectories(Path.of(System.getProperty("it.buildDir", "target"), "console-upload")).resolve("refunds.md");
        Files.writeString(file, "# Refunds\n\n" + HANDBOOK + "\n");
        browser.find("input[type=file][name=file]").sendKeys(file.toAbsolutePath().toString());
        browser.find("form[aria-labelledby=upload-title] button[type=submit]").click();

        WebElement status = browser.await(d -> {
            WebElement found = browser.visible(By.cssSelector("tr[data-document='refunds.md'] .doc-status"));
            return found != null && found.getText().equals("indexed") ? found : null;
        });
        assertThat(status.getText()).isEqualTo("indexed");
        String kb = knowledgeBaseId();
        JsonObject document = server.get("/api/v1/admin/ai/knowledge-bases/" + kb + "/documents", server.serviceKey())
                .array("documents").getJsonObject(0);
        assertThat(document.getString("status")).isEqualTo("indexed");
        assertThat(document.getInt("chunk_count")).isPositive();

        browser.find("input[name=query]").sendKeys("Refunds " + HANDBOOK);
        browser.find("form[aria-labelledby=search-title] button[type=submit]").click();
        WebElement hit = browser.find("ol.search-results li");
        assertThat(hit.getText()).contains("refunds.md", "similarity", HANDBOOK);
        browser.screenshot("knowledge-bases");
    }

    @Test
    @Order(5)
    void usageIsChartedPerChatbotAndDay() {
        server.llm().reset();
        try {
            // the chart shows the chatbots that used the most tokens: ours outweigh what other ITs booked today
            for (int daysAgo = 4; daysAgo >= 0; daysAgo--) {
                server.moveClock(Duration.ofDays(-daysAgo));
                chat("console-bot", Reply.text("Hello").usage(1_000_000 + 60 * (daysAgo % 3), 20 + 5 * daysAgo));
                if (daysAgo % 2 == 0) {
                    chat("console-helper", Reply.text("Hi").usage(800_000 + 30 * daysAgo, 15));
                }
            }
        } finally {
            server.resetClock();
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        long todaysTokens = server.get("/api/v1/admin/ai/usage?group_by=day&from=" + today + "&to=" + today + "&chatbot_id=" + chatbotId(),
                server.serviceKey()).json().getJsonArray("groups").getJsonObject(0).getJsonNumber("total_tokens").longValue();

        browser.go("#/admin/usage");
        String title = today + " · console-bot: " + String.format(Locale.ENGLISH, "%,d", todaysTokens);
        browser.await(d -> d.findElements(By.cssSelector("svg.chart rect.bar title")).stream()
                .anyMatch(t -> title.equals(t.getAttribute("textContent"))));
        assertThat(browser.driver.findElements(By.cssSelector("svg.chart rect.bar title")).stream().map(t -> t.getAttribute("textContent")))
                .anyMatch(text -> text.contains("console-helper"));
        assertThat(browser.find("ul.legend").getText()).contains("console-bot", "console-helper");
        browser.screenshot("usage");
    }

    private void chat(String chatbot, Reply reply) {
        server.llm().enqueue(reply);
        try (ChatClient chat = server.chatAs("console-usage")) {
            String id = chat.startChat(chatbot, "default");
            chat.message(id, "Hello");
            List<JsonObject> frames = chat.turn(id);
            assertThat(frames.get(frames.size() - 1).getString("type")).isEqualTo("done");
        }
    }

    private boolean enabled() {
        ApiResponse bot = server.get("/api/v1/admin/ai/chatbots/" + chatbotId(), server.serviceKey());
        return bot.json().getBoolean("enabled");
    }

    private String chatbotId() {
        return chatbotId(server);
    }

    @Test
    @Order(6)
    void anAdminAddsAnRlsCheckRunsItAndSeesItFailingOnTheChatbot() {
        SqlFixture.ensure(server);
        browser.go("#/admin/chatbots");
        browser.find("input[name=namespace]").sendKeys("default");
        browser.find("form[role=search] button").click();
        browser.await(d -> { // the list is drawn again when the filtered answer comes
            d.findElement(By.cssSelector("button[aria-label='View " + CHATBOT + "']")).click();
            return true;
        });
        WebElement section = browser.find("section.detail section.rls-checks");
        browser.await(d -> section.getText().contains("No checks yet."));

        section.findElement(By.cssSelector("input[name=check-name]")).sendKeys("Alice sees no orders");
        section.findElement(By.cssSelector("textarea[name=sql]")).sendKeys("SELECT id FROM orders");
        new Select(section.findElement(By.cssSelector("select[name=expect]"))).selectByValue("no_rows");
        section.findElement(By.cssSelector("input[name=users]")).sendKeys("alice");
        section.findElement(By.cssSelector("form.add-check button[type=submit]")).click();
        browser.find("li.check[data-check='Alice sees no orders']");
        section.findElement(By.xpath(".//button[text()='Run all checks']")).click();

        WebElement failed = browser.find("li.check.failed[data-check='Alice sees no orders']");
        assertThat(failed.findElement(By.cssSelector("ul.outcomes")).getText()).isEqualTo("alice as authenticated: 2 row(s), 2 not allowed");
        WebElement badge = browser.find("tr[data-chatbot='" + CHATBOT + "'] .badge.failed");
        assertThat(badge.getText()).isEqualTo("1 failing");
        browser.screenshot("rls-checks");
        assertThat(server.get("/api/v1/admin/ai/chatbots/" + chatbotId(server), server.serviceKey()).json().getJsonObject("rls_checks")
                .getInt("failed")).isEqualTo(1);
    }

    private static String chatbotId(ServerUnderTest server) {
        return server.column("SELECT id::text FROM ai.chatbots WHERE namespace = 'default' AND name = 'console-bot'").get(0);
    }

    private String knowledgeBaseId() {
        return server.column("SELECT id::text FROM ai.knowledge_bases WHERE name = ?", KNOWLEDGE_BASE).get(0);
    }

    private JsonObject provider() {
        return provider(PROVIDER);
    }

    private JsonObject provider(String name) {
        return server.get("/api/v1/admin/ai/providers", server.serviceKey()).array("providers").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("name").equals(name)).findFirst().orElseThrow();
    }
}
