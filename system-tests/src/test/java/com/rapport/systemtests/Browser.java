package com.rapport.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by its own chromedriver: a real browser with its own cookies, so a
 * login is a real Keycloak login. Test tools never download a browser.
 */
final class Browser implements AutoCloseable {

	static final String CHROMIUM = System.getProperty("rapport.chromium", "/usr/bin/chromium");

	static final String CHROMEDRIVER = System.getProperty("rapport.chromedriver", "/usr/bin/chromedriver");

	final WebDriver driver;

	private final Path profile;

	private Browser(WebDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	static Browser open() {
		if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
			throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver "
					+ "(apt-get install chromium chromium-driver); looked for " + CHROMIUM + " and " + CHROMEDRIVER);
		}
		try {
			Path profile = Files.createTempDirectory("rapport-chromium-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM);
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--window-size=1280,900", "--lang=en-US", "--user-data-dir=" + profile);
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
			WebDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			return new Browser(driver, profile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Shows pages as a phone does: a 390 × 844 CSS-pixel viewport (a common phone's), at three device pixels per CSS
	 * pixel, with the mobile meta viewport honoured.
	 */
	Browser asPhone() {
		((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				java.util.Map.of("width", 390, "height", 844, "deviceScaleFactor", 3, "mobile", true));
		return this;
	}

	/** How far the current page reaches beyond the viewport's right edge, in CSS pixels (0: no sideways scrolling). */
	long sidewaysOverflow() {
		return (Long) ((JavascriptExecutor) driver).executeScript(
				"return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth);");
	}

	/** Whether an element lies wholly inside the viewport's width (not clipped at either side). */
	boolean withinWidth(By by) {
		return (Boolean) ((JavascriptExecutor) driver).executeScript(
				"const r = arguments[0].getBoundingClientRect();"
						+ "return r.width > 0 && r.left >= 0 && r.right <= document.documentElement.clientWidth;",
				driver.findElement(by));
	}

	/** Opens the platform's front door and signs in on Keycloak's own login page. */
	Browser login(String username, String password) {
		driver.get(RunningPlatform.GATEWAY + "/");
		waitFor(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.id("kc-login")).click();
		waitFor(ExpectedConditions.urlMatches("^" + RunningPlatform.GATEWAY + "/(portal|console).*"));
		return this;
	}

	void go(String path) {
		driver.get(RunningPlatform.GATEWAY + path);
	}

	String text(By by) {
		return driver.findElement(by).getText();
	}

	/** The HTTP status the platform answers this browser for a path, with the browser's own session. */
	long status(String path) {
		Object status = ((JavascriptExecutor) driver).executeAsyncScript(
				"const done = arguments[arguments.length - 1];"
						+ "fetch(arguments[0], {redirect: 'manual'}).then(r => done(r.status)).catch(e => done(-1));",
				path);
		return (Long) status;
	}

	/** The body the platform answers this browser for a path (a download, say), with the browser's own session. */
	String fetch(String path) {
		return (String) ((JavascriptExecutor) driver).executeAsyncScript(
				"const done = arguments[arguments.length - 1];"
						+ "fetch(arguments[0]).then(r => r.text()).then(done).catch(e => done('fetch failed: ' + e));",
				path);
	}

	/** A form-less POST from the page's own origin, as a forged request would come: the status it gets. */
	long post(String path) {
		Object status = ((JavascriptExecutor) driver).executeAsyncScript(
				"const done = arguments[arguments.length - 1];"
						+ "fetch(arguments[0], {method: 'POST', redirect: 'manual'}).then(r => done(r.status)).catch(e => done(-1));",
				path);
		return (Long) status;
	}

	<T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
		return new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition);
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			try (var files = Files.walk(profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
			catch (IOException ex) {
				// a temp profile left behind is harmless
			}
		}
	}
}
