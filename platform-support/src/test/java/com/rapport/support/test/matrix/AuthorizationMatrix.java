package com.rapport.support.test.matrix;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The authorisation matrix of one service, read from {@code authorization-matrix.txt} on the test class
 * path: for every REST route and gRPC method, the outcome each kind of caller must get. Its header line
 * names the callers (see {@link Caller}); each row is
 * {@code REST <METHOD> <path pattern> <outcome per caller>} or {@code GRPC <service/method> <outcome per caller>},
 * outcomes being HTTP statuses or gRPC status code names. {@code #} starts a comment.
 */
public record AuthorizationMatrix(List<Caller> callers, Map<String, List<String>> rows) {

	public static AuthorizationMatrix load(String resource) {
		try (InputStream in = AuthorizationMatrix.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("No " + resource + " on the test class path");
			}
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static AuthorizationMatrix parse(String text) {
		List<Caller> callers = null;
		Map<String, List<String>> rows = new LinkedHashMap<>();
		for (String raw : text.split("\n")) {
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] cells = line.split("\\s+");
			if (callers == null) {
				if (!cells[0].equals("endpoint")) {
					throw new IllegalStateException("The first line must be the header: endpoint <caller>...");
				}
				callers = new ArrayList<>();
				for (int i = 1; i < cells.length; i++) {
					callers.add(Caller.of(cells[i]));
				}
				continue;
			}
			int keyCells = cells[0].equals("REST") ? 3 : 2;
			String endpoint = String.join(" ", java.util.Arrays.copyOfRange(cells, 0, keyCells));
			List<String> outcomes = List.of(java.util.Arrays.copyOfRange(cells, keyCells, cells.length));
			if (outcomes.size() != callers.size()) {
				throw new IllegalStateException(endpoint + ": " + outcomes.size() + " outcomes for " + callers.size()
						+ " callers");
			}
			if (rows.put(endpoint, outcomes) != null) {
				throw new IllegalStateException(endpoint + " appears twice");
			}
		}
		if (callers == null) {
			throw new IllegalStateException("Empty matrix");
		}
		return new AuthorizationMatrix(List.copyOf(callers), rows);
	}

	public int cellCount() {
		return rows.size() * callers.size();
	}
}
