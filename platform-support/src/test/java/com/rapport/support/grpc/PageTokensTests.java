package com.rapport.support.grpc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PageTokensTests {

	@Test
	void aTokenLeadsBackToItsPage() {
		assertThat(PageTokens.page(PageTokens.of(7))).isEqualTo(7);
		assertThat(PageTokens.page("")).isZero();
	}

	@Test
	void aForgedOrGarbledTokenIsRejectedClearly() {
		assertThatIllegalArgumentException().isThrownBy(() -> PageTokens.page("not base64 !"))
			.withMessage("Invalid page token");
		assertThatIllegalArgumentException().isThrownBy(() -> PageTokens.page(PageTokens.of(-1)))
			.withMessage("Invalid page token");
	}

	@Test
	void aPositionTokenLeadsBackToItsPositionAndIsNoPageToken() {
		assertThat(PageTokens.position(PageTokens.before(41))).hasValue(41);
		assertThat(PageTokens.position("")).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> PageTokens.position(PageTokens.of(2)))
			.withMessage("Invalid page token");
		assertThatIllegalArgumentException().isThrownBy(() -> PageTokens.page(PageTokens.before(2)))
			.withMessage("Invalid page token");
	}
}
