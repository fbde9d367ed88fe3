package com.rapport.support.message;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps refusals in the reader's language: no main source of any module refuses in words of its own. The
 * domain exceptions take a message code ({@code Message}); the only way to give them words,
 * {@code withoutCode}, is for a refusal that arrived in words from another system, so only the gRPC client side
 * of platform-support may call it. Field errors are rejected with codes too: a field rule written as an English
 * literal ({@code errors.put("email", "is required")}, {@code rejectValue("email", "is required")}) fails here.
 * Walks the sources of the whole repository from this module's parent, as {@link TranslationsTests} does.
 */
class UserTextsTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	/** Where words without a code may become a domain exception: a remote's refusal turned back into one. */
	private static final List<String> MAY_PASS_WORDS = List.of(
			"platform-support/src/main/java/com/rapport/support/grpc/GrpcErrors.java",
			"platform-support/src/main/java/com/rapport/support/error/");

	private static final Pattern WITHOUT_CODE = Pattern.compile("\\bwithoutCode\\(");

	/** A field's error given as a literal that holds a space: words, not a code. */
	private static final Pattern FIELD_WORDS = Pattern.compile(
			"(?:errors\\.(?:put|putIfAbsent|add)|rejectValue|reject)\\(\\s*[^;]*?,\\s*\"[^\"]*\\s[^\"]*\"");

	/** A domain exception (or a subclass of one) handed a literal. */
	private static final Pattern WORDS_TO_EXCEPTION = Pattern.compile(
			"new (?:[\\w.]+\\.)?(?:NotFoundException|ConflictException|UnprocessableException|RaceLost\\w*)\\(\\s*\"");

	@Test
	void noMainSourceRefusesInWordsOfItsOwn() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(ROOT)) {
			for (Path file : files.filter(UserTextsTests::isMainJava).toList()) {
				String name = ROOT.relativize(file).toString().replace('\\', '/');
				String text = Files.readString(file, StandardCharsets.UTF_8);
				if (MAY_PASS_WORDS.stream().noneMatch(name::startsWith)) {
					find(WITHOUT_CODE, text, name, found);
				}
				find(FIELD_WORDS, text, name, found);
				find(WORDS_TO_EXCEPTION, text, name, found);
			}
		}
		assertThat(found).as("refusals in hand-written words instead of message codes").isEmpty();
	}

	@Test
	void theCheckFindsWhatItLooksFor() {
		List<String> found = new ArrayList<>();
		find(FIELD_WORDS, "errors.put(\"email\", \"is required\");", "a", found);
		find(FIELD_WORDS, "errors.rejectValue(\"email\", \"must be one line\");", "b", found);
		find(WORDS_TO_EXCEPTION, "throw new ConflictException(\"Contact \" + id);", "c", found);
		find(WITHOUT_CODE, "throw NotFoundException.withoutCode(\"No contact\");", "d", found);
		find(FIELD_WORDS, "errors.rejectValue(\"email\", \"field.email\");", "e", found);
		find(WORDS_TO_EXCEPTION, "throw new ConflictException(Message.of(\"x.y\"));", "f", found);
		find(WORDS_TO_EXCEPTION, "throw new AuthenticationCredentialsNotFoundException(\"No token\");", "g", found);
		assertThat(found).extracting(line -> line.substring(0, 1)).containsExactly("a", "b", "c", "d");
	}

	private static void find(Pattern pattern, String text, String file, List<String> found) {
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			int line = (int) text.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1;
			found.add(file + ":" + line + ": " + matcher.group().strip());
		}
	}

	private static boolean isMainJava(Path path) {
		String name = path.toString().replace('\\', '/');
		return name.contains("/src/main/java/") && !name.contains("/target/") && !name.contains("/.git/")
				&& name.endsWith(".java");
	}
}
