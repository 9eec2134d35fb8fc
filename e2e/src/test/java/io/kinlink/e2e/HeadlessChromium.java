package io.kinlink.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromium-driver, headless and on a phone-sized or tablet-sized window.
 * Without them the browser tests are skipped, except where KINLINK_REQUIRE_BROWSER=true (CI
 * installs them and sets it).
 */
final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("KINLINK_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("KINLINK_CHROMEDRIVER",
            "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    /** A browser preferring Chinese, as the group's members and staff mostly do. */
    static WebDriver start(int width, int height) throws Exception {
        return start(width, height, null);
    }

    /** The same, saving downloads into {@code downloads} without asking. */
    static WebDriver start(int width, int height, Path downloads) throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("KINLINK_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("Chromium is required here: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "no Chromium at " + CHROMIUM + "; install chromium chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The machine has no outside network: Chromium's own background connections are switched off.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=zh-CN", "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createTempDirectory("kinlink-chromium"));
        options.setExperimentalOption("prefs", downloads == null ? Map.of("intl.accept_languages", "zh-CN,zh")
                : Map.of("intl.accept_languages", "zh-CN,zh", "download.default_directory", downloads.toString(),
                        "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Keeps what the browser shows in the module's target/, for people to look at. */
    static void screenshot(WebDriver browser, String file) throws java.io.IOException {
        Files.write(Path.of("target", file),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }
}
