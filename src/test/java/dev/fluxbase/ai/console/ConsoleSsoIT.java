package dev.fluxbase.ai.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import dev.fluxbase.ai.it.support.KeycloakServer;
import dev.fluxbase.ai.it.support.RecordedRequest;
import dev.fluxbase.ai.it.support.Reply;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console signs in through a real Keycloak (realm {@code fluxbase}, public client {@code fluxbase} with PKCE):
 * Keycloak's own login page in headless Chromium, back on the console with tokens, a chat as alice, a refresh that
 * the next turn's socket uses, and sign-out that ends Keycloak's session too. All against the instance configured
 * for Keycloak ({@link ServerUnderTest#keycloakInstance()}).
 */
@ExtendWith({FluxbaseServer.class, ConsoleBrowser.PerClassOnKeycloakInstance.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleSsoIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CHATBOT = "default/console-bot";
    private static final String QUESTION = "Who am I to you?";
    private static final String TOKEN = "return sessionStorage.getItem('fluxbase.console.token')";
    private static final String SSO = "return sessionStorage.getItem('fluxbase.console.sso')";

    private ConsoleBrowser browser;
    private ServerUnderTest server;
    private KeycloakServer keycloak;

    @BeforeEach
    void setUp(ConsoleBrowser opened, KeycloakServer keycloak) {
        this.browser = opened;
        this.server = opened.server();
        this.keycloak = keycloak;
        server.llm().reset();
    }

    @Test
    @Order(1)
    void theConsoleIsToldAboutKeycloakAndMayCallIt() {
        ApiResponse config = server.get("/api/v1/ai/console/config", null);
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().getJsonObject("oidc")).isEqualTo(Json.createObjectBuilder()
                .add("issuer", keycloak.issuer()).add("client_id", KeycloakServer.CLIENT).add("scope", "openid profile email").add("name", "127.0.0.1")
                .build());
        assertThat(server.get("/console/").headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("connect-src 'self' " + keycloak.baseUrl() + " ws://"));
    }

    @Test
    @Order(2)
    void anAnswerThatNoSignInOfThisTabAskedForIsRefused() {
        browser.driver.get(server.http("/console/?code=stolen&state=forged").toString());
        assertThat(browser.find("section.sso [role=alert]").getText()).contains("state mismatch");
        assertThat(browser.script("return location.search")).as("the code leaves the address bar").isEqualTo("");
        assertThat(browser.script(TOKEN)).isNull();
        assertThat(browser.find("form.sign-in textarea[name=token]").isDisplayed()).as("pasting a token stays possible").isTrue();
    }

    @Test
    @Order(3)
    void anUnreachableKeycloakIsSaidSo() {
        browser.go("");
        browser.driver.executeCdpCommand("Network.enable", Map.of());
        browser.driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of(keycloak.baseUrl() + "/*")));
        try {
            WebElement signIn = browser.find("#sso-sign-in");
            signIn.click();
            assertThat(browser.find("section.sso [role=alert]").getText())
                    .isEqualTo("The identity provider at " + keycloak.issuer() + " could not be reached. Try again later, or paste a token.");
            assertThat(signIn.isEnabled()).isTrue();
            assertThat(browser.driver.getCurrentUrl()).startsWith(server.http("/console/").toString());
        } finally {
            browser.driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
            browser.driver.executeCdpCommand("Network.disable", Map.of());
        }
    }

    @Test
    @Order(4)
    void aliceSignsInAtKeycloakAndChatsAsHerself() {
        browser.resize(ConsoleBrowser.DESKTOP);
        browser.go("");
        WebElement signIn = browser.find("#sso-sign-in");
        assertThat(signIn.getText()).isEqualTo("Sign in with 127.0.0.1");
        browser.screenshot("sign-in-sso");
        signIn.click();

        WebElement username = browser.await(d -> browser.visible(By.name("username")));
        assertThat(browser.driver.getCurrentUrl()).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth?")
                .contains("code_challenge_method=S256", "client_id=" + KeycloakServer.CLIENT).doesNotContain("secret");
        username.sendKeys("alice");
        browser.driver.findElement(By.name("password")).sendKeys("alice");
        browser.driver.findElement(By.id("kc-login")).click();

        WebElement landed = browser.await(d -> browser.visible(By.cssSelector("#identity, [role=alert]")));
        assertThat(landed.getAttribute("id")).as("signed in, not: " + landed.getText()).isEqualTo("identity");
        assertThat(browser.find("#identity-text").getText()).isEqualTo("alice");
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(server.http("/console/#/chat").toString());
        JsonObject claims = claims((String) browser.script(TOKEN));
        assertThat(claims.getString("iss")).isEqualTo(keycloak.issuer());
        assertThat(claims.getString("preferred_username")).isEqualTo("alice");
        JsonObject sso = json((String) browser.script(SSO));
        assertThat(sso.getString("refresh_token")).isNotBlank();
        assertThat(claims(sso.getString("id_token")).getString("aud")).isEqualTo(KeycloakServer.CLIENT);
        assertThat(browser.script("return sessionStorage.getItem('fluxbase.console.sso.pending')")).isNull();
        assertThat(browser.script("return localStorage.length")).isEqualTo(0L);

        server.llm().enqueue(Reply.text("Hello ", "alice."));
        chooseChatbot();
        assertThat(answerTo(QUESTION).findElement(By.cssSelector(".answer")).getText()).isEqualTo("Hello alice.");
        String systemPrompt = server.llm().awaitRequest(Duration.ofSeconds(5)).json().getJsonArray("messages").getJsonObject(0).getString("content");
        assertThat(systemPrompt).as("the server knows alice by Keycloak's sub").contains("orders of user " + claims.getString("sub"));
        browser.await(d -> browser.visible(By.xpath("//button[contains(@class,'conversation')][.//span[@class='title' and text()='" + QUESTION + "']]")));
    }

    @Test
    @Order(5)
    void aRefreshedTokenReplacesTheOldOneAndTheNextTurnUsesItOnANewSocket() {
        String before = (String) browser.script(TOKEN);
        browser.script("""
                window.openedSockets = [];
                const Original = window.WebSocket;
                window.WebSocket = class extends Original {
                    constructor(...args) {
                        super(...args);
                        window.openedSockets.push(String(args[0]));
                    }
                };
                """);

        Object refreshed = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import(new URL('js/sso.js', location.href)).then(sso => sso.refreshNow()).then(done, e => done('failed: ' + e.message));
                """);

        assertThat(refreshed).isInstanceOf(String.class).isNotEqualTo(before).isEqualTo(browser.script(TOKEN));
        JsonObject fresh = claims((String) refreshed);
        assertThat(fresh.getString("sub")).isEqualTo(claims(before).getString("sub"));
        assertThat(fresh.getString("jti")).isNotEqualTo(claims(before).getString("jti"));

        server.llm().enqueue(Reply.text("Still ", "alice."));
        assertThat(answerTo("And now?").findElement(By.cssSelector(".answer")).getText()).isEqualTo("Still alice.");
        assertThat(browser.script("return window.openedSockets")).asList().singleElement().asString()
                .contains("token=" + refreshed);
        RecordedRequest request = server.llm().awaitRequest(Duration.ofSeconds(5));
        List<String> contents = request.json().getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("content", "")).toList();
        assertThat(contents).as("the stored conversation went on, on the new socket").contains(QUESTION, "Hello alice.", "And now?");
        assertThat(browser.driver.findElements(By.cssSelector(".messages .note"))).as("no new conversation began").isEmpty();
    }

    @Test
    @Order(6)
    void signingOutEndsTheSessionAtKeycloakToo() {
        String refreshToken = json((String) browser.script(SSO)).getString("refresh_token");

        browser.driver.findElement(By.id("sign-out")).click();

        WebElement signIn = browser.await(d -> browser.visible(By.id("sso-sign-in")));
        assertThat(browser.driver.getCurrentUrl()).startsWith(server.http("/console/").toString());
        assertThat(browser.driver.findElement(By.id("identity")).isDisplayed()).isFalse();
        assertThat(browser.script(TOKEN)).isNull();
        assertThat(browser.script(SSO)).isNull();
        HttpResponse<String> refresh = refresh(refreshToken);
        assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(400);
        assertThat(json(refresh.body()).getString("error")).isEqualTo("invalid_grant");

        signIn.click();
        assertThat(browser.await(d -> browser.visible(By.name("username"))).isDisplayed()).as("Keycloak asks again").isTrue();
        browser.go("");
        browser.find("#sso-sign-in");
    }

    private HttpResponse<String> refresh(String refreshToken) {
        String form = "grant_type=refresh_token&client_id=" + KeycloakServer.CLIENT + "&refresh_token="
                + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8);
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void chooseChatbot() {
        WebElement select = browser.find("select[name=chatbot]");
        browser.await(d -> !select.findElements(By.cssSelector("option[value='" + CHATBOT + "']")).isEmpty());
        new Select(select).selectByValue(CHATBOT);
    }

    /** Sends a question with Enter and waits for its answer to end. */
    private WebElement answerTo(String question) {
        int before = browser.driver.findElements(By.cssSelector(".message.assistant")).size();
        WebElement input = browser.find("textarea[name=message]");
        input.sendKeys(question);
        input.sendKeys(Keys.ENTER);
        return browser.await(d -> {
            List<WebElement> answers = d.findElements(By.cssSelector(".message.assistant"));
            WebElement last = answers.size() > before ? answers.get(answers.size() - 1) : null;
            return last != null && "false".equals(last.getAttribute("aria-busy")) ? last : null;
        });
    }

    private static JsonObject claims(String jwt) {
        return json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
