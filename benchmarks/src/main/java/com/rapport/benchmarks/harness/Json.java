package com.rapport.benchmarks.harness;

import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Reading the platform's answers and writing the result file. */
public final class Json {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	public static JsonNode read(String text) {
		return MAPPER.readTree(text);
	}

	public static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	static void writePretty(Path file, Object value) {
		MAPPER.writerWithDefaultPrettyPrinter().writeValue(file, value);
	}
}
