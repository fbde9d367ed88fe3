package com.rapport.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.text.RandomStringGenerator;

/**
 * Malformed requests for every REST route the services' authorization matrices list, drawn from a seeded
 * {@link java.util.Random} (strings by Apache Commons Text's generator), so that one seed replays one sweep. Each
 * request is wrong in one of the ways a careless client is ({@link Kind}); a write is always wrong somewhere,
 * so that no answer may store or change anything.
 */
final class MalformedRequests {

	/** The kinds of bad input, one per request. */
	enum Kind {
		BAD_CHARSET, BAD_PERCENT_ENCODING, ENCODED_SLASH_OR_DOT, CONTROL_CHARACTER, LONE_SURROGATE, HUGE_NUMBER,
		NON_ASCII_HEADER, OVER_LONG_URL, OVER_LONG_HEADER, OVER_LONG_BODY, WRONG_MEDIA_TYPE, MALFORMED_JSON,
		WRONG_JSON_TYPE, WRONG_METHOD
	}

	/** Who calls: most requests carry a partner token with every scope, some the read-only one, none or a bad one. */
	enum Caller {
		PARTNER_WRITE, PARTNER_READ, NO_TOKEN, BAD_TOKEN
	}

	record Route(String method, String template) {

		boolean write() {
			return isWrite(method);
		}

		static boolean isWrite(String method) {
			return List.of("POST", "PUT", "PATCH", "DELETE").contains(method);
		}
	}

	record Case(Kind kind, Caller caller, Route route, RawHttp.Request request) {
	}

	/** Real records to aim at, so that some requests reach past the look-up. */
	record Ids(String organisationId, String contactId, String orderId) {
	}

	private static final Pattern ROUTE = Pattern.compile("^REST\\s+(GET|POST|PUT|PATCH|DELETE)\\s+(\\S+)");

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	private final List<Route> routes;

	private final Ids ids;

	private final Map<Caller, String> tokens;

	MalformedRequests(List<Route> routes, Ids ids, Map<Caller, String> tokens) {
		this.routes = List.copyOf(routes);
		this.ids = ids;
		this.tokens = tokens;
	}

	/** Every REST row of every service's {@code authorization-matrix.txt}. */
	static List<Route> routesFromMatrices(Path repo) {
		List<Route> routes = new ArrayList<>();
		try (Stream<Path> modules = Files.list(repo)) {
			for (Path matrix : modules.map(m -> m.resolve("src/test/resources/authorization-matrix.txt"))
				.filter(Files::isRegularFile).sorted().toList()) {
				for (String line : Files.readAllLines(matrix)) {
					Matcher row = ROUTE.matcher(line);
					if (row.find()) {
						routes.add(new Route(row.group(1), row.group(2)));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return routes;
	}

	/** {@code size} cases, the same ones for the same seed. */
	List<Case> generate(int size, long seed) {
		Random random = new Random(seed);
		RandomStringGenerator control = strings(random, new char[] { '\u0000', '\u001f' }, new char[] { '\u007f', '\u007f' },
				new char[] { '\u0085', '\u0085' });
		RandomStringGenerator nonAscii = strings(random, new char[] { '\u00a0', '\u00ff' }, new char[] { '\u4e00', '\u4e80' });
		List<Case> cases = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
			int weight = random.nextInt(20);
			Caller caller = weight < 16 ? Caller.PARTNER_WRITE : weight < 18 ? Caller.PARTNER_READ
					: weight < 19 ? Caller.NO_TOKEN : Caller.BAD_TOKEN;
			Route route = routes.get(random.nextInt(routes.size()));
			int pick = random.nextInt(Integer.MAX_VALUE);
			Defects defects = new Defects(control.generate(1 + random.nextInt(3)),
					nonAscii.generate(1 + random.nextInt(12)),
					String.valueOf((char) ('\ud800' + random.nextInt(0x800))), 9_000 + random.nextInt(81_001));
			cases.add(build(kind, caller, route, pick, defects));
		}
		return cases;
	}

	/** Apache Commons Text's generator of strings from the given ranges of characters, drawing from {@code random}. */
	private static RandomStringGenerator strings(Random random, char[]... ranges) {
		return RandomStringGenerator.builder().withinRange(ranges).usingRandom(random::nextInt).get();
	}

	/** The raw material of every defect. */
	record Defects(String control, String nonAscii, String surrogate, int length) {
	}

	private Case build(Kind kind, Caller caller, Route route, int pick, Defects defect) {
		Map<String, byte[]> headers = new LinkedHashMap<>();
		String token = tokens.get(caller);
		if (token != null) {
			headers.put("Authorization", ascii("Bearer " + token));
		}
		String method = route.method();
		// A DELETE has no body to spoil: unless its kind spoils the address or headers past reading, an id does.
		Kind pathKind = route.method().equals("DELETE") && badSegment(kind, pick, defect) == null
				&& kind != Kind.OVER_LONG_URL && kind != Kind.OVER_LONG_HEADER && kind != Kind.WRONG_METHOD
						? pickOf(pick >> 2, Kind.ENCODED_SLASH_OR_DOT, Kind.BAD_PERCENT_ENCODING) : kind;
		String path = fill(route.template(), pathKind, pick, defect);
		String query = "";
		if (!route.write() && (pick % 3 == 0 || !route.template().contains("{"))) {
			query = "?" + queryDefect(kind, pick, defect);
		}
		else if (route.write() && kind == Kind.BAD_PERCENT_ENCODING && pick % 4 == 0) {
			query = "?x=" + pickOf(pick, BAD_PERCENT);
		}
		if (kind == Kind.OVER_LONG_URL) {
			query = "?q=" + "a".repeat(defect.length());
		}
		if (kind == Kind.WRONG_METHOD) {
			// Only a method the address does not take: a declared one (DELETE of a real contact) would be a real call.
			List<String> undeclared = new ArrayList<>(List.of("PATCH", "TRACE", "DELETE", "PUT", "POST", "FOO",
					"PROPFIND", "GET"));
			undeclared.removeAll(declaredMethods(route.template()));
			method = pickOf(pick, undeclared.toArray(String[]::new));
		}
		byte[] body = null;
		long announced = -1;
		if (route.write() && !route.method().equals("DELETE") || kind == Kind.WRONG_METHOD && !method.equals("TRACE")) {
			body = body(kind, route, pick, defect);
			headers.put("Content-Type", ascii(contentType(kind, pick)));
		}
		if (body == null && (kind == Kind.BAD_CHARSET || kind == Kind.WRONG_MEDIA_TYPE)) {
			headers.put("Content-Type", ascii(contentType(kind, pick)));
		}
		if (route.template().equals("/api/orders/v1/orders") && route.method().equals("POST")) {
			headers.put("Idempotency-Key", kind == Kind.NON_ASCII_HEADER ? nonAsciiBytes(defect.nonAscii(), pick)
					: ascii("sweep-" + pick));
		}
		if (kind == Kind.NON_ASCII_HEADER && !headers.containsKey("Idempotency-Key")) {
			headers.put(pickOf(pick, "Idempotency-Key", "Accept-Language", "X-Request-Id", "If-None-Match"),
					nonAsciiBytes(defect.nonAscii(), pick));
		}
		if (kind == Kind.OVER_LONG_HEADER) {
			headers.put(pickOf(pick, "X-Padding", "Idempotency-Key", "Accept", "Cookie"), ascii("b".repeat(defect.length())));
		}
		if (kind == Kind.OVER_LONG_BODY && body != null) {
			// Announce far more than any route takes; send only the start (the answer must not wait for the rest).
			announced = 50L * 1024 * 1024 + defect.length();
			body = java.util.Arrays.copyOf(body, Math.min(body.length, 200));
		}
		if (body != null && announced < 0) {
			announced = body.length;
		}
		return new Case(kind, caller, route, new RawHttp.Request(method, ascii(path + query), headers, body, announced));
	}

	/** The text as UTF-8, or as ISO-8859-1 bytes where every character has one (never a '?' for one it lacks). */
	private static byte[] nonAsciiBytes(String text, int pick) {
		boolean latin1 = text.chars().allMatch(c -> c <= 0xFF);
		return text.getBytes(latin1 && pick % 2 == 1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
	}

	// ---- URLs ----

	private static final String[] BAD_PERCENT = { "%", "%z", "%zz", "%1", "%%", "%c3%28", "%ff", "%e2%82", "%G0", "100%",
			"a%", "%u0041" };

	private static final String[] SLASH_OR_DOT = { "a%2Fb", "%2e%2e", "..%2F..%2Factuator%2Fhealth", "%2e", "a%5Cb",
			"a;b", "a%3Bjsessionid=1", "%2F", "..%252F", "a%252Fb", "%c0%ae%c0%ae", "a%2F..%2F..%2Fb", ".%2e" };

	private String fill(String template, Kind kind, int pick, Defects defect) {
		Matcher variables = VARIABLE.matcher(template);
		StringBuilder path = new StringBuilder();
		int index = 0;
		boolean spoiled = false;
		while (variables.find()) {
			String real = realId(variables.group(1), pick >> 3);
			String value = real;
			if ((pick >> 5) % 2 == index % 2 || !spoiled && !hasMore(template, variables.end())) {
				String bad = badSegment(kind, pick, defect);
				if (bad != null) {
					value = (pick % 2 == 0 ? real : "") + bad;
					spoiled = true;
				}
			}
			variables.appendReplacement(path, Matcher.quoteReplacement(value));
			index++;
		}
		variables.appendTail(path);
		return path.toString();
	}

	private List<String> declaredMethods(String template) {
		return routes.stream().filter(r -> r.template().equals(template)).map(Route::method).toList();
	}

	private static boolean hasMore(String template, int from) {
		return template.indexOf('{', from) >= 0;
	}

	private String realId(String variable, int pick) {
		return switch (variable) {
			case "id", "organisationId" -> pick % 3 == 0 ? "no-such-organisation" : ids.organisationId();
			case "contactId" -> ids.contactId();
			case "externalId" -> "ERP-SWEEP-" + (pick % 5);
			case "holidayId" -> "sweep-holiday";
			default -> ids.orderId();
		};
	}

	private static String badSegment(Kind kind, int pick, Defects defect) {
		return switch (kind) {
			case BAD_PERCENT_ENCODING -> pickOf(pick, BAD_PERCENT);
			case ENCODED_SLASH_OR_DOT -> pickOf(pick, SLASH_OR_DOT);
			case CONTROL_CHARACTER -> percentEncode(defect.control().getBytes(StandardCharsets.UTF_8));
			case LONE_SURROGATE -> pickOf(pick, "%ed%a0%80", "%ed%bf%bf", "%ed%a0%80%ed%b0%80", "%f8%88%80%80%80");
			case NON_ASCII_HEADER -> percentEncode(defect.nonAscii().getBytes(StandardCharsets.UTF_8));
			default -> null;
		};
	}

	private static String queryDefect(Kind kind, int pick, Defects defect) {
		String name = pickOf(pick >> 2, "q", "page", "size", "customerId", "q");
		String value = switch (kind) {
			case BAD_PERCENT_ENCODING -> "a" + pickOf(pick, BAD_PERCENT);
			case CONTROL_CHARACTER -> "a" + percentEncode(defect.control().getBytes(StandardCharsets.UTF_8)) + "b";
			case LONE_SURROGATE -> "a%ed%a0%80b";
			case HUGE_NUMBER -> pickOf(pick, "1e400", "99999999999999999999999", "-99999999999999999999", "NaN", "0x1F");
			case ENCODED_SLASH_OR_DOT -> pickOf(pick, SLASH_OR_DOT);
			case NON_ASCII_HEADER -> percentEncode(defect.nonAscii().getBytes(StandardCharsets.UTF_8));
			default -> "a";
		};
		return name + "=" + value + (pick % 5 == 0 ? "&" + name + "=2&=&&=x" : "");
	}

	private static String percentEncode(byte[] bytes) {
		StringBuilder text = new StringBuilder();
		for (byte b : bytes) {
			text.append('%').append(String.format("%02X", b & 0xff));
		}
		return text.toString();
	}

	// ---- Headers ----

	private static String contentType(Kind kind, int pick) {
		return switch (kind) {
			case BAD_CHARSET -> "application/json;charset=" + pickOf(pick, "foo", "utf-99", "", "\"utf-8", "x".repeat(300),
					"UTF-7", "utf-16", "ibm-037", "utf-8;charset=bar", "\"\"", "'utf-8'", "utf 8", "../../etc");
			case WRONG_MEDIA_TYPE -> pickOf(pick, "text/plain", "application/xml", "multipart/form-data; boundary=x",
					"application/x-www-form-urlencoded", "json", "application/", "/", "a/b/c", "*/*", "application/*",
					"text/html;charset=utf-8", "application/json-patch+json", "", "application/json;;;;=");
			default -> "application/json";
		};
	}

	// ---- Bodies ----

	/** A body that is wrong in the way of {@code kind}, or, for the kinds about URLs and headers, in some way. */
	private static byte[] body(Kind kind, Route route, int pick, Defects defect) {
		Kind bodyKind = switch (kind) {
			case CONTROL_CHARACTER, LONE_SURROGATE, HUGE_NUMBER, MALFORMED_JSON, WRONG_JSON_TYPE -> kind;
			default -> pickOf(pick >> 4, Kind.CONTROL_CHARACTER, Kind.LONE_SURROGATE, Kind.HUGE_NUMBER,
					Kind.MALFORMED_JSON, Kind.WRONG_JSON_TYPE);
		};
		Map<String, String> fields = validFields(route);
		if (kind == Kind.NON_ASCII_HEADER && route.template().equals("/api/orders/v1/orders")) {
			// The key is the only thing wrong: it must be refused on its own.
			return json(fields).getBytes(StandardCharsets.UTF_8);
		}
		List<String> names = new ArrayList<>(fields.keySet());
		String field = names.get(Math.floorMod(pick >> 6, names.size()));
		switch (bodyKind) {
			case CONTROL_CHARACTER -> {
				String text = textField(fields, pick);
				if (pick % 4 == 0) {
					// A raw control byte inside a JSON string: not JSON at all.
					fields.put(text, "\"a" + defect.control() + "b\"");
				}
				else {
					fields.put(text, "\"a" + jsonEscape(defect.control()) + "b\"");
				}
			}
			case LONE_SURROGATE -> {
				String text = textField(fields, pick);
				if (pick % 3 == 0) {
					// A surrogate encoded on its own in UTF-8 (CESU style): not UTF-8 at all.
					return concat(("{\"" + text + "\":\"a").getBytes(StandardCharsets.UTF_8),
							new byte[] { (byte) 0xed, (byte) 0xa0, (byte) 0x80 }, "b\"}".getBytes(StandardCharsets.UTF_8));
				}
				fields.put(text, "\"a\\u" + String.format("%04x", (int) defect.surrogate().charAt(0)) + "b\"");
			}
			case HUGE_NUMBER -> {
				String huge = pickOf(pick, "1e400", "-1e400", "1e4000", "99999999999999999999999999999", "1.5e300",
						"-99999999999999999999999999999");
				if (fields.containsKey("total")) {
					// The numbers of an order are inside it: its amount or a line's quantity.
					if (pick % 2 == 0) {
						fields.put("total", "{\"currency\":\"CNY\",\"amount\":" + huge + "}");
					}
					else {
						fields.put("lines", "[{\"sku\":\"SKU-1\",\"quantity\":" + huge + "}]");
					}
				}
				else {
					// Where no number belongs, one in a coded field (a language, a country) that no number spells.
					fields.put(fields.containsKey("version") ? "version"
							: fields.containsKey("language") ? "language" : fields.containsKey("country") ? "country" : field,
							huge);
				}
			}
			case MALFORMED_JSON -> {
				String whole = json(fields);
				return switch (pick % 9) {
					case 0 -> whole.substring(0, Math.max(1, whole.length() / 2)).getBytes(StandardCharsets.UTF_8);
					case 1 -> (whole + "}x").getBytes(StandardCharsets.UTF_8);
					case 2 -> whole.replaceFirst(":", ":,").getBytes(StandardCharsets.UTF_8);
					case 3 -> whole.replace('"', '\'').getBytes(StandardCharsets.UTF_8);
					case 4 -> "[".repeat(3000).getBytes(StandardCharsets.UTF_8);
					case 5 -> ("{\"" + field + "\":" + "{\"a\":".repeat(2000) + "1" + "}".repeat(2001))
						.getBytes(StandardCharsets.UTF_8);
					// UTF-16 with a byte-order mark, cut short: not UTF-8, and not whole in any charset.
					case 6 -> concat(new byte[] { (byte) 0xff, (byte) 0xfe },
							whole.substring(0, whole.length() - 1).getBytes(StandardCharsets.UTF_16LE));
					case 7 -> new byte[0];
					default -> ("/* note */" + whole.replaceFirst("}$", ",}")).getBytes(StandardCharsets.UTF_8);
				};
			}
			default -> {
				// Wrong JSON types: a whole body of another shape, or one field of another type.
				if (pick % 5 == 0) {
					return pickOf(pick >> 3, "[]", "\"text\"", "42", "true", "null", "[{}]").getBytes(StandardCharsets.UTF_8);
				}
				fields.put(field, pickOf(pick >> 3, "{\"a\":1}", "[[]]", "{}", "[{\"x\":[1]}]"));
			}
		}
		String whole = json(fields);
		return (route.template().endsWith(":batch") ? "[" + whole + "]" : whole)
			.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] all = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

	/** Field name to JSON value, valid for the route (a fresh order number each time). */
	private static Map<String, String> validFields(Route route) {
		Map<String, String> fields = new LinkedHashMap<>();
		String template = route.template();
		if (template.startsWith("/api/orders/")) {
			fields.put("customerId", "\"acme-retail\"");
			fields.put("orderNumber", "\"SWEEP-" + UUID.randomUUID().toString().substring(0, 8) + "\"");
			fields.put("promisedDate", "\"2031-01-15\"");
			fields.put("total", "{\"currency\":\"CNY\",\"amount\":\"12.50\"}");
			fields.put("lines", "[{\"sku\":\"SKU-1\",\"description\":\"Chair\",\"quantity\":2}]");
			fields.put("milestones", "[{\"code\":\"PLACED\",\"occurredAt\":\"2026-11-30T08:00:00Z\",\"note\":\"n\"}]");
		}
		else if (template.contains("/contacts")) {
			fields.put("name", "\"Sweep Person\"");
			fields.put("jobTitle", "\"Buyer\"");
			fields.put("email", "\"sweep@example.com\"");
			fields.put("language", "\"en\"");
			fields.put("timeZone", "\"Asia/Shanghai\"");
		}
		else if (template.contains("tier-override")) {
			fields.put("tier", "\"GOLD\"");
			fields.put("reason", "\"Sweep\"");
			fields.put("endDate", "\"2031-01-01\"");
		}
		else if (template.contains("holidays")) {
			fields.put("name", "\"Sweep day\"");
			fields.put("date", "\"2031-01-01\"");
			fields.put("message", "\"Hello\"");
		}
		else if (template.endsWith(":batch")) {
			// One item's fields; body() sends them as the batch's one item: [{...}].
			fields.put("externalId", "\"ERP-SWEEP-B\"");
			fields.put("name", "\"Sweep Ltd\"");
			fields.put("country", "\"CN\"");
			fields.put("contacts", "[{\"externalId\":\"C-1\",\"name\":\"Sweep Person\"}]");
		}
		else {
			fields.put("name", "\"Sweep Trading\"");
			fields.put("country", "\"CN\"");
			fields.put("industry", "\"Retail\"");
			fields.put("region", "\"East\"");
			fields.put("tags", "[\"a\"]");
			fields.put("version", "1");
		}
		return fields;
	}

	private static String textField(Map<String, String> fields, int pick) {
		List<String> texts = fields.entrySet().stream().filter(e -> e.getValue().startsWith("\""))
			.map(Map.Entry::getKey).toList();
		return texts.isEmpty() ? "name" : texts.get(Math.floorMod(pick >> 7, texts.size()));
	}

	private static String json(Map<String, String> fields) {
		StringBuilder json = new StringBuilder("{");
		fields.forEach((name, value) -> {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append('"').append(name).append("\":").append(value);
		});
		return json.append('}').toString();
	}

	private static String jsonEscape(String text) {
		StringBuilder escaped = new StringBuilder();
		for (char c : text.toCharArray()) {
			escaped.append(String.format("\\u%04x", (int) c));
		}
		return escaped.toString();
	}

	@SafeVarargs
	private static <T> T pickOf(int pick, T... choices) {
		return choices[Math.floorMod(pick, choices.length)];
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}
}
