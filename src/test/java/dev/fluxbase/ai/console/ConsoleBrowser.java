package dev.fluxbase.ai.console;

import dev.fluxbase.ai.it.support.ServerUnderTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import dev.fluxbase.ai.it.support.FluxbaseServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (never a download by Selenium Manager),
 * one per test class. Tests skip, saying why, when the two are not installed (payara/test.sh installs them).
 */
final class ConsoleBrowser implements ExtensionContext.Store.CloseableResource {

    /** Gives each test class's methods one browser, opened on first use and closed after the class. */
    static class PerClass implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == ConsoleBrowser.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            ExtensionContext classContext = context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
            return classContext.getStore(ExtensionContext.Namespace.create(ConsoleBrowser.class))
                    .getOrComputeIfAbsent(ConsoleBrowser.class, key -> open(server(context)), ConsoleBrowser.class);
        }

        ServerUnderTest server(ExtensionContext context) {
            return FluxbaseServer.running(context);
        }
    }

    /** The same, on the instance whose console signs in through the run's Keycloak. */
    static final class PerClassOnKeycloakInstance extends PerClass {

        @Override
        ServerUnderTest server(ExtensionContext context) {
            return FluxbaseServer.running(context).keycloakInstance();
        }
    }

    static final Path CHROMIUM = Path.of(System.getProperty("it.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Duration WAIT = Duration.ofSeconds(20);

    final ChromeDriver driver;
    private final ServerUnderTest server;

    private ConsoleBrowser(ChromeDriver driver, ServerUnderTest server) {
        this.driver = driver;
        this.server = server;
    }

    private static ConsoleBrowser open(ServerUnderTest server) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " is not installed "
                        + "(payara/test.sh installs Debian's chromium and chromium-driver with apt, which failed or was not run)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: the tests may run as root, where Chromium refuses its sandbox.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=en-US",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--hide-scrollbars", "--force-color-profile=srgb");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
        return new ConsoleBrowser(driver, server);
    }

    ServerUnderTest server() {
        return server;
    }

    /** Opens a page of the console: "" for its start, "#/chat" and so on. */
    void go(String fragment) {
        driver.get(server.http("/console/" + fragment).toString());
    }

    void signIn(String token) {
        go("");
        WebElement field = await(d -> visible(By.name("token")));
        field.clear();
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", field, token);
        driver.findElement(By.cssSelector("form.sign-in button[type=submit]")).click();
        await(d -> visible(By.id("identity")));
    }

    void signOut() {
        driver.findElement(By.id("sign-out")).click();
        await(d -> visible(By.name("token")));
    }

    /** Waits for a condition; pages re-render, so an element that went stale meanwhile means "not yet". */
    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    WebElement visible(By by) {
        List<WebElement> found = driver.findElements(by);
        return found.stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
    }

    WebElement find(String css) {
        return await(d -> visible(By.cssSelector(css)));
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Returns once the page is laid out at the new width: a busy headless Chromium applies a resize later. */
    void resize(Dimension size) {
        driver.manage().window().setSize(size);
        await(d -> {
            long width = (Long) script("return window.innerWidth");
            return width <= size.getWidth() && width > size.getWidth() / 2 ? Boolean.TRUE : null;
        });
    }

    /**
     * Saves the page as target/screenshots/NAME.png and copies it to docs/screenshots/ for the README. The
     * window grows to the page's height first (up to 2000 px), so that a long page shows whole.
     */
    void screenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        script("window.scrollTo(0, 0)");
        long overflow = (Long) script("return document.documentElement.scrollHeight - window.innerHeight");
        if (overflow > 0) {
            resize(new Dimension(before.width, (int) Math.min(before.height + overflow, 2000)));
        }
        Path build = Path.of(System.getProperty("it.buildDir", "target")).resolve("screenshots");
        Path docs = Path.of(System.getProperty("it.projectDir", ".")).resolve("docs/screenshots");
        try {
            Files.createDirectories(build);
            Files.createDirectories(docs);
            Path shot = build.resolve(name + ".png");
            Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
            Files.copy(shot, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            resize(before);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
