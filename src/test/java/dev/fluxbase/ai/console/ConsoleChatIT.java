package dev.fluxbase.ai.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.RecordedRequest;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import dev.fluxbase.ai.it.support.SqlFixture;
import dev.fluxbase.ai.tools.sql.boundary.MaskedContacts;
import dev.fluxbase.ai.tools.sql.boundary.WritableTasks;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The console's sign-in and chat playground in headless Chromium, against the real server and the fake provider. */
@ExtendWith({FluxbaseServer.class, ConsoleBrowser.PerClass.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleChatIT {

    /** alice owns rows of the fixture's orders table (row-level security goes by the token's sub). */
    private static final String USER = "alice";
    private static final String CHATBOT = "default/console-bot";
    private static final String SQL = "SELECT item, amount FROM orders ORDER BY id";
    private static final String QUESTION = "Which orders do I have?";

    private ConsoleBrowser browser;
    private ServerUnderTest server;

    @BeforeEach
    void setUp(ConsoleBrowser opened) {
        browser = opened;
        server = opened.server();
        SqlFixture.ensure(server);
        server.llm().reset();
    }

    @Test
    @Order(1)
    void theConsoleIsPublicAndStrictAboutScripts() {
        HttpResponse<String> bare = server.get("/console");
        assertThat(bare.statusCode()).isBetween(301, 302);
        assertThat(bare.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/"));

        HttpResponse<String> index = server.get("/console/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("<script type=\"module\" src=\"js/app.js\"></script>").doesNotContain("<script>");
        assertThat(index.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'", "style-src 'self'", "default-src 'none'").doesNotContain("unsafe"));

        HttpResponse<String> module = server.get("/console/js/app.js");
        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(module.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
    }

    @Test
    @Order(2)
    void signInRefusesBadTokensAndKeepsAGoodOneInTheSessionOnly() {
        browser.resize(ConsoleBrowser.DESKTOP);
        browser.go("");
        browser.find("form.sign-in");
        browser.screenshot("sign-in");

        submitToken("not a token");
        assertThat(browser.find("form.sign-in [role=alert]").getText()).contains("not a JWT");

        String valid = server.tokens().userToken(USER);
        submitToken(valid.substring(0, valid.length() - 4) + "AAAA");
        assertThat(browser.find("form.sign-in [role=alert]").getText()).contains("The server refused this token");

        browser.signIn(server.tokens().userToken(USER));
        assertThat(browser.find("#identity-text").getText()).isEqualTo(USER);
        assertThat(browser.find("#nav a[data-route=chat]").getAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.driver.findElements(By.cssSelector("#nav [data-admin]"))).allSatisfy(item -> assertThat(item.isDisplayed()).isFalse());
        assertThat(browser.script("return sessionStorage.getItem('fluxbase.console.token')")).isNotNull();
        assertThat(browser.script("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.script("return document.cookie")).isEqualTo("");
    }

    @Test
    @Order(3)
    void anAnswerStreamsAsMarkdownWithItsStepsItsQueryAsASortableTableAndItsUsage() {
        server.llm().enqueue(Reply.toolCall("execute_sql", Json.createObjectBuilder().add("sql", SQL).add("description", "orders").build().toString()),
                Reply.text("You have **two** orders:\n\n", "- a keyboard\n- a mouse\n\n", "<img src=x onerror=alert(1)>").usage(42, 7));
        chooseChatbot();
        ask(QUESTION);
        WebElement answer = awaitAnswer();

        assertThat(answer.findElements(By.cssSelector(".progress li")).stream().map(li -> li.getAttribute("data-step")).toList())
                .containsSubsequence("thinking", "querying", "executing", "generating");
        WebElement markdown = answer.findElement(By.cssSelector(".answer"));
        assertThat(markdown.findElement(By.tagName("strong")).getText()).isEqualTo("two");
        assertThat(markdown.findElements(By.cssSelector("ul li")).stream().map(WebElement::getText).toList()).containsExactly("a keyboard", "a mouse");
        assertThat(markdown.findElements(By.tagName("img"))).as("HTML in an answer stays text").isEmpty();
        assertThat(markdown.getText()).contains("<img src=x onerror=alert(1)>");

        WebElement result = answer.findElement(By.cssSelector(".query-result"));
        assertThat(result.findElement(By.cssSelector(".summary")).getText()).startsWith("Query returned 2 row(s)");
        assertThat(column(result, 0)).containsExactly("Keyboard", "Mouse");
        WebElement amount = result.findElement(By.xpath(".//th[.//button[normalize-space()='amount']]"));
        amount.findElement(By.tagName("button")).click();
        assertThat(amount.getAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(column(result, 0)).containsExactly("Mouse", "Keyboard");
        amount.findElement(By.tagName("button")).click();
        assertThat(amount.getAttribute("aria-sort")).isEqualTo("descending");
        assertThat(column(result, 0)).containsExactly("Keyboard", "Mouse");

        WebElement sql = result.findElement(By.cssSelector("details.sql pre"));
        assertThat(sql.isDisplayed()).isFalse();
        result.findElement(By.cssSelector("details.sql summary")).click();
        assertThat(sql.isDisplayed()).isTrue();
        assertThat(sql.getText()).isEqualTo(SQL);

        Matcher usage = Pattern.compile("Tokens: (\\d+) prompt \\+ (\\d+) completion = (\\d+)")
                .matcher(answer.findElement(By.cssSelector(".usage")).getText());
        assertThat(usage.matches()).as(answer.findElement(By.cssSelector(".usage")).getText()).isTrue();
        ApiResponse ledger = server.get("/api/v1/admin/ai/usage?user_id=" + USER + "&chatbot_id=" + chatbotId(), server.serviceKey());
        assertThat(Integer.parseInt(usage.group(3))).isEqualTo(ledger.json().getJsonObject("totals").getInt("total_tokens"));

        browser.screenshot("chat");
        browser.resize(new Dimension(375, 812));
        assertThat((Long) browser.script("return document.documentElement.scrollWidth")).as("no sideways scrolling at 375 px").isLessThanOrEqualTo(375L);
        browser.screenshot("chat-mobile");
        browser.resize(ConsoleBrowser.DESKTOP);
    }

    @Test
    @Order(4)
    void aStoredConversationIsListedAndResumesWithItsHistory() {
        WebElement entry = resumeFromTheList(QUESTION);
        assertThat(browser.find(".messages .message.user").getText()).contains(QUESTION);
        assertThat(column(browser.find(".messages .message.assistant .query-result"), 0)).containsExactly("Keyboard", "Mouse");
        browser.await(d -> "true".equals(entry.getAttribute("aria-current")));

        server.llm().enqueue(Reply.text("Still ", "two."));
        ask("And now?");
        WebElement answer = awaitAnswer();
        assertThat(answer.findElement(By.cssSelector(".answer")).getText()).isEqualTo("Still two.");
        RecordedRequest request = server.llm().awaitRequest(Duration.ofSeconds(5));
        List<String> contents = request.json().getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("content", "")).toList();
        assertThat(contents).as("the provider gets the stored history").contains(QUESTION, "And now?");
    }

    @Test
    @Order(5)
    void theCancelButtonStopsALongAnswer() {
        String[] words = IntStream.range(0, 80).mapToObj(i -> "word" + i + " ").toArray(String[]::new);
        server.llm().enqueue(Reply.text(words).chunkDelay(Duration.ofMillis(150)));
        ask("Tell me a long story");
        WebElement answer = browser.await(d -> {
            List<WebElement> answers = d.findElements(By.cssSelector(".message.assistant"));
            WebElement last = answers.get(answers.size() - 1);
            return last.findElement(By.cssSelector(".answer")).getText().startsWith("word0") ? last : null;
        });
        WebElement cancel = browser.driver.findElement(By.xpath("//form[contains(@class,'composer')]//button[text()='Cancel']"));
        assertThat(cancel.isEnabled()).isTrue();
        cancel.click();

        browser.await(d -> "false".equals(answer.getAttribute("aria-busy")));
        assertThat(answer.findElement(By.cssSelector(".usage")).getText()).isEqualTo("Cancelled");
        assertThat(answer.findElement(By.cssSelector(".answer")).getText()).doesNotContain("word79");
        assertThat(cancel.isEnabled()).isFalse();
        assertThat(browser.find(".chat-main .status").getText()).isEqualTo("The answer was cancelled.");
        server.llm().awaitOpenStreams(0, Duration.ofSeconds(5));
    }

    @Test
    @Order(6)
    void theMarkdownRendererKeepsHtmlAndUnsafeLinksAsText() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
        expected.put("[click](javascript:alert(1))", "<p>[click](javascript:alert(1))</p>");
        expected.put("see https://example.com/x.",
                "<p>see <a href=\"https://example.com/x\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">https://example.com/x</a>.</p>");
        expected.put("**bold _and italic_** and `<b>`", "<p><strong>bold <em>and italic</em></strong> and <code>&lt;b&gt;</code></p>");
        expected.put("# Title\n```sql\nSELECT 1 < 2\n```", "<h3>Title</h3><pre><code class=\"language-sql\">SELECT 1 &lt; 2</code></pre>");
        expected.put("- one\n  - nested\n- two", "<ul><li>one<ul><li>nested</li></ul></li><li>two</li></ul>");
        expected.put("| a | b |\n|---|---|\n| 1 | 2 |", "<div class=\"table-scroll\"><table><thead><tr><th scope=\"col\">a</th><th scope=\"col\">b</th>"
                + "</tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table></div>");
        expected.put("> quoted\n\nunclosed ```", "<blockquote><p>quoted</p></blockquote><p>unclosed ```</p>");

        Object rendered = browser.driver.executeAsyncScript("""
                const [inputs, done] = arguments;
                import(new URL('js/markdown.js', location.href)).then(markdown => done(inputs.map(text => {
                    const box = document.createElement('div');
                    box.append(markdown.renderMarkdown(text));
                    return box.innerHTML;
                })));
                """, List.copyOf(expected.keySet()));
        assertThat(rendered).asInstanceOf(InstanceOfAssertFactories.list(String.class)).containsExactlyElementsOf(expected.values());
    }

    @Test
    @Order(7)
    void anAnswersPseudonymsShowAsTheValuesTheDoneFrameMaps() {
        String answer = "Write to <email#1> or **<email#2>**; <email#9> is unknown, `<email#1>` too, and <img src=x>.";
        Object rendered = browser.driver.executeAsyncScript("""
                const [text, pseudonyms, done] = arguments;
                Promise.all([import(new URL('js/markdown.js', location.href)), import(new URL('js/pseudonyms.js', location.href))])
                    .then(([markdown, masking]) => {
                        const box = document.createElement('div');
                        box.append(masking.revealPseudonyms(markdown.renderMarkdown(text), pseudonyms));
                        done(box.innerHTML);
                    });
                """, answer, Map.of("<email#1>", "ann_lee@example.com", "<email#2>", "<b>carl</b>"));
        // the pseudonym is in the title, whose < and > a browser may or may not escape
        String withoutTitles = String.valueOf(rendered).replaceAll(" title=\"Shown to you only: the assistant read (&lt;|<)email#[12](&gt;|>)\"", "");
        String ann = "<mark class=\"revealed\">ann_lee@example.com</mark>";
        assertThat(withoutTitles).isEqualTo("<p>Write to " + ann + " or <strong><mark class=\"revealed\">&lt;b&gt;carl&lt;/b&gt;</mark></strong>; "
                + "&lt;email#9&gt; is unknown, <code>" + ann + "</code> too, and &lt;img src=x&gt;.</p>");
    }

    @Test
    @Order(8)
    void anAnswerShowsTheValueOfItsPseudonymWhileTheProviderReadsNoneAndSoDoesItsStoredConversation() {
        MaskedContacts.ensure(server);
        openChatWith(MaskedContacts.NAMESPACE + "/" + MaskedContacts.KEEPER);
        server.llm().enqueue(Reply.toolCall("execute_sql", Json.createObjectBuilder().add("sql", "SELECT name, email FROM contacts WHERE id = 1")
                .build().toString()));
        server.llm().respondWith(request -> Reply.text("Write to ", MaskedContacts.firstEmailRead(request).orElse("nobody"), "."));
        String question = "Whom do I write to?";
        ask(question);
        WebElement answer = awaitAnswer();

        assertThat(answer.findElement(By.cssSelector(".answer")).getText()).isEqualTo("Write to ann.lee@example.com.");
        WebElement revealed = answer.findElement(By.cssSelector(".answer mark.revealed"));
        assertThat(revealed.getText()).isEqualTo("ann.lee@example.com");
        String title = revealed.getAttribute("title");
        assertThat(title).matches("Shown to you only: the assistant read <email#\\d+>");
        assertThat(column(answer.findElement(By.cssSelector(".query-result")), 1)).containsExactly("ann.lee@example.com");
        assertThat(server.llm().requests()).hasSize(2).allSatisfy(request -> assertThat(request.body()).doesNotContain("ann.lee"));

        // taken up again from the list, the stored answer shows the value the same way
        resumeFromTheList(question);
        WebElement stored = browser.find(".messages .message.assistant");
        assertThat(stored.findElement(By.cssSelector(".answer")).getText()).isEqualTo("Write to ann.lee@example.com.");
        assertThat(stored.findElement(By.cssSelector(".answer mark.revealed")).getAttribute("title")).isEqualTo(title);
    }

    @Test
    @Order(9)
    void aWriteIsPreviewedAndCommitsOnlyWhenConfirmed() {
        WritableTasks.ensure(server);
        String title = "water the plants " + System.nanoTime();
        long task = WritableTasks.add(server, USER, title).get(0);
        openChatWith(WritableTasks.NAMESPACE + "/" + WritableTasks.EDITOR);
        server.llm().enqueue(Reply.toolCall("execute_sql", Json.createObjectBuilder()
                .add("sql", "UPDATE tasks SET done = true WHERE id = " + task).build().toString()), Reply.text("Please confirm."));
        ask("I watered the plants");
        WebElement preview = awaitAnswer().findElement(By.cssSelector(".write-preview"));

        assertThat(preview.findElement(By.cssSelector(".summary")).getText()).startsWith("UPDATE would change 1 row(s).");
        List<WebElement> tables = preview.findElements(By.tagName("table"));
        assertThat(tables).extracting(t -> t.findElement(By.tagName("caption")).getText()).containsExactly("Before", "After");
        assertThat(tables.get(0).getText()).contains(title, "false");
        assertThat(tables.get(1).getText()).contains(title, "true");
        assertThat(server.column("SELECT done::text FROM writes.tasks WHERE id = ?", task)).containsExactly("false");

        preview.findElement(By.xpath(".//button[text()='Confirm']")).click();
        browser.await(d -> preview.findElement(By.cssSelector(".write-outcome")).getText().startsWith("Done") ? preview : null);
        assertThat(preview.findElement(By.cssSelector(".write-outcome")).getText()).isEqualTo("Done: 1 row(s) changed.");
        assertThat(preview.findElement(By.xpath(".//button[text()='Confirm']")).isEnabled()).isFalse();
        assertThat(server.column("SELECT done::text FROM writes.tasks WHERE id = ?", task)).containsExactly("true");
    }

    /** Starts a new conversation, then takes up the stored one of this first question from the list; its entry. */
    private WebElement resumeFromTheList(String question) {
        WebElement entry = browser.await(d -> browser.visible(By.xpath("//button[contains(@class,'conversation')][.//span[@class='title' and text()='"
                + question + "']]")));
        browser.find("aside button.secondary").click();
        browser.await(d -> d.findElements(By.cssSelector(".messages .message")).isEmpty());
        entry.click();
        browser.await(d -> d.findElements(By.cssSelector(".messages .message")).size() == 2);
        return entry;
    }

    /** The chat view, reloaded so that it lists a chatbot synced just now, with that chatbot chosen. */
    private void openChatWith(String chatbot) {
        browser.go("#/chat");
        browser.driver.navigate().refresh();
        WebElement select = browser.find("select[name=chatbot]");
        browser.await(d -> !select.findElements(By.cssSelector("option[value='" + chatbot + "']")).isEmpty());
        new Select(select).selectByValue(chatbot);
    }

    private void submitToken(String token) {
        WebElement field = browser.find("textarea[name=token]");
        field.clear();
        field.sendKeys(token);
        browser.driver.findElement(By.cssSelector("form.sign-in button[type=submit]")).click();
    }

    private void chooseChatbot() {
        WebElement select = browser.find("select[name=chatbot]");
        browser.await(d -> !select.findElements(By.cssSelector("option[value='" + CHATBOT + "']")).isEmpty());
        new Select(select).selectByValue(CHATBOT);
        assertThat(browser.find("#chatbot-description").getText()).isEqualTo("Answers about orders; the web console's browser tests chat with it");
    }

    /** Types a question and sends it with Enter, as a keyboard user does. */
    private void ask(String question) {
        WebElement input = browser.find("textarea[name=message]");
        input.sendKeys(question);
        input.sendKeys(Keys.ENTER);
    }

    private WebElement awaitAnswer() {
        return browser.await(d -> {
            List<WebElement> answers = d.findElements(By.cssSelector(".message.assistant"));
            WebElement last = answers.isEmpty() ? null : answers.get(answers.size() - 1);
            return last != null && "false".equals(last.getAttribute("aria-busy")) ? last : null;
        });
    }

    private static List<String> column(WebElement result, int index) {
        return result.findElements(By.cssSelector("tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).get(index).getText()).toList();
    }

    private String chatbotId() {
        return server.column("SELECT id::text FROM ai.chatbots WHERE namespace = 'default' AND name = 'console-bot'").get(0);
    }
}
