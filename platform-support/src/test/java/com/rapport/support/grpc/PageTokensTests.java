package com.rapport.support.grpc;

import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PageTokensTests {

	@Test
	void aTokenLeadsBackToItsPage() {
		assertThat(PageTokens.page(PageTokens.of(7))).isEqualTo(7);
		assertThat(PageTokens.page("")).isZero();
	}

	@Test
	void aForgedOrGarbledTokenIsRejectedClearly() {
		refused(() -> PageTokens.page("not base64 !"));
		refused(() -> PageTokens.page(PageTokens.of(-1)));
	}

	@Test
	void aPositionTokenLeadsBackToItsPositionAndIsNoPageToken() {
		assertThat(PageTokens.position(PageTokens.before(41))).hasValue(41);
		assertThat(PageTokens.position("")).isEmpty();
		refused(() -> PageTokens.position(PageTokens.of(2)));
		refused(() -> PageTokens.page(PageTokens.before(2)));
	}

	/** A caller's mistake, naming the field: INVALID_ARGUMENT on gRPC, never an internal error. */
	private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
		assertThatExceptionOfType(UnprocessableException.class).isThrownBy(call).satisfies(ex -> {
			assertThat(ex.reason()).isEqualTo(Message.of("problem.page-token-invalid"));
			assertThat(ex.fieldMessages()).containsEntry("page_token", Message.of("field.page-token"));
		});
	}
}
