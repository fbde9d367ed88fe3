package com.rapport.support.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SignedTokensTests {

	private final SignedTokens tokens = new SignedTokens("a secret of the test");

	@Test
	void aTokenReadsBackAsItsTextWhateverTheTextHolds() {
		String text = "acme-retail|c-1|2026-12-20|1767225600|CHAIR-01 椅子.";
		assertThat(tokens.read(tokens.issue(text), 1024)).contains(text);
	}

	@Test
	void aChangedCutOrForeignTokenReadsAsNothing() {
		String token = tokens.issue("invitation-1.1767225600");
		String payload = token.substring(0, token.indexOf('.'));
		String otherPayload = tokens.issue("invitation-2.1767225600").substring(0, token.indexOf('.'));
		assertThat(tokens.read(otherPayload + token.substring(token.indexOf('.')), 1024)).as("another payload, this signature").isEmpty();
		assertThat(tokens.read(token.substring(0, token.length() - 2), 1024)).as("cut").isEmpty();
		assertThat(tokens.read(payload, 1024)).as("no signature").isEmpty();
		assertThat(tokens.read(token + ".x", 1024)).as("three parts").isEmpty();
		assertThat(tokens.read("!!!." + token.substring(token.indexOf('.') + 1), 1024)).as("not Base64").isEmpty();
		assertThat(new SignedTokens("another secret").read(token, 1024)).as("signed under another secret").isEmpty();
		assertThat(tokens.read(null, 1024)).isEmpty();
		assertThat(tokens.read("", 1024)).isEmpty();
	}

	@Test
	void aTokenLongerThanAllowedIsNotEvenChecked() {
		String token = tokens.issue("x".repeat(600));
		assertThat(tokens.read(token, token.length())).isPresent();
		assertThat(tokens.read(token, token.length() - 1)).isEmpty();
	}

	@Test
	void aSecretIsNeeded() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SignedTokens(""));
	}
}
