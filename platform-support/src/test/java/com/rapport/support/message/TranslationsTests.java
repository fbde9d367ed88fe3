package com.rapport.support.message;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message code has its English and its Simplified Chinese text: each bundle of every module
 * ({@code messages*.properties}, contracts' {@code codes*.properties}) has the same codes in both files, none
 * empty in one language only, and every code the code and the templates use (message codes given to {@code Message.of},
 * {@code rejectValue}, {@code Texts.code}, Bean Validation's {@code "{code}"}, timeline codes, {@code #{...}}
 * in templates) is in both languages. Walks the sources of the whole repository from this module's parent.
 */
class TranslationsTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	/** Message codes as the Java sources spell them. */
	private static final List<Pattern> CODES_IN_JAVA = List.of(
			Pattern.compile("Message\\.of\\(\\s*\"([A-Za-z0-9_.-]+)\"\\s*[,)]"),
			Pattern.compile("rejectValue\\([^,;]+,\\s*\"([A-Za-z0-9_.-]+)\"\\s*[,)]"),
			Pattern.compile("Texts\\.code\\(\\s*\"([A-Za-z0-9_.-]+)\"\\s*[,)]"),
			Pattern.compile("new Coded\\(\\s*\"([A-Za-z0-9_.-]+)\"\\s*,"),
			Pattern.compile("message\\s*=\\s*\"\\{([A-Za-z0-9_.-]+)\\}\""),
			Pattern.compile("\"(timeline\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)+)\""));

	/** Codes as the templates spell them: #{code} and #{code(args)}, not #{${...}}. */
	private static final Pattern CODES_IN_TEMPLATES = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.-]*)[}(]");

	/** The codes built from a value at run time, spelled out here. */
	private static final List<String> BUILT_CODES = List.of("timeline.tier.NORMAL", "timeline.tier.KEY",
			"timeline.tier.VIP", "timeline.stage.PROSPECT", "timeline.stage.FIRST_PURCHASE", "timeline.stage.REPEAT",
			"timeline.stage.LOYAL", "timeline.stage.DORMANT", "timeline.stage.CHURNED", "consent.marketing",
			"consent.surveys", "problem.title.malformed", "problem.title.unauthenticated", "problem.title.forbidden",
			"problem.title.not-found", "problem.title.method-not-allowed", "problem.title.not-acceptable",
			"problem.title.conflict", "problem.title.too-large", "problem.title.uri-too-long",
			"problem.title.unsupported-media-type", "problem.title.validation", "problem.title.rate-limited",
			"problem.title.headers-too-large", "problem.title.unavailable", "problem.title.bad-request",
			"problem.title.internal");

	@Test
	void everyBundleHasTheSameCodesInEnglishAndChineseAndNoneIsEmpty() throws IOException {
		List<String> missing = new ArrayList<>();
		for (Path english : bundles()) {
			Path chinese = chineseOf(english);
			assertThat(chinese).as("the Chinese file beside " + ROOT.relativize(english)).exists();
			Properties en = load(english);
			Properties zh = load(chinese);
			// A text left empty on purpose (nothing to say) is empty in both languages.
			for (String code : en.stringPropertyNames()) {
				if (zh.getProperty(code) == null || zh.getProperty(code).isBlank() && !en.getProperty(code).isBlank()) {
					missing.add(ROOT.relativize(chinese) + ": " + code);
				}
			}
			for (String code : zh.stringPropertyNames()) {
				if (en.getProperty(code) == null || en.getProperty(code).isBlank() && !zh.getProperty(code).isBlank()) {
					missing.add(ROOT.relativize(english) + ": " + code);
				}
			}
		}
		assertThat(missing).as("codes without a text in one language").isEmpty();
	}

	@Test
	void everyCodeTheCodeAndTheTemplatesUseHasBothTexts() throws IOException {
		Properties en = new Properties();
		Properties zh = new Properties();
		for (Path english : bundles()) {
			en.putAll(load(english));
			zh.putAll(load(chineseOf(english)));
		}
		Set<String> used = new TreeSet<>(BUILT_CODES);
		try (Stream<Path> files = Files.walk(ROOT)) {
			for (Path file : files.filter(TranslationsTests::isMainSource).toList()) {
				String text = Files.readString(file, StandardCharsets.UTF_8);
				List<Pattern> patterns = file.toString().endsWith(".html") ? List.of(CODES_IN_TEMPLATES) : CODES_IN_JAVA;
				for (Pattern pattern : patterns) {
					Matcher matcher = pattern.matcher(text);
					while (matcher.find()) {
						used.add(matcher.group(1));
					}
				}
			}
		}
		// Bean Validation's own constraints have no template of ours; Spring's ones are named in the bundle.
		assertThat(used).as("codes found in the sources").hasSizeGreaterThan(100);
		List<String> missing = used.stream()
			.filter(code -> en.getProperty(code, "").isBlank() || zh.getProperty(code, "").isBlank())
			.toList();
		assertThat(missing).as("codes used without an English and a Chinese text").isEmpty();
	}

	private static List<Path> bundles() throws IOException {
		try (Stream<Path> files = Files.walk(ROOT)) {
			List<Path> bundles = files.filter(path -> path.toString().contains("/src/main/resources/"))
				.filter(path -> path.getFileName().toString().matches("(messages|codes)\\.properties")).sorted().toList();
			assertThat(bundles).as("bundles under " + ROOT).isNotEmpty();
			return bundles;
		}
	}

	private static Path chineseOf(Path english) {
		return english.resolveSibling(english.getFileName().toString().replace(".properties", "_zh_CN.properties"));
	}

	private static boolean isMainSource(Path path) {
		String name = path.toString();
		return name.contains("/src/main/") && !name.contains("/target/") && !name.contains("/.git/")
				&& (name.endsWith(".java") || name.endsWith(".html"));
	}

	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}
}
