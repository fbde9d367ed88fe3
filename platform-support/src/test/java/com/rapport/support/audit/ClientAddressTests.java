package com.rapport.support.audit;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTests {

	private static MockHttpServletRequest request(String remoteAddress, String... forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(remoteAddress);
		for (String value : forwardedFor) {
			request.addHeader("X-Forwarded-For", value);
		}
		return request;
	}

	@Test
	void theRightMostForwardedForValueIsTheAddressTheGatewaySaw() {
		assertThat(ClientAddress.of(request("10.0.0.5", "192.0.2.66, 198.51.100.7"))).isEqualTo("198.51.100.7");
		assertThat(ClientAddress.of(request("10.0.0.5", "2001:db8::7"))).isEqualTo("2001:db8::7");
	}

	@Test
	void withoutForwardedForThePeersAddressCounts() {
		assertThat(ClientAddress.of(request("10.0.0.5"))).isEqualTo("10.0.0.5");
		assertThat(ClientAddress.of(request("10.0.0.5", " , "))).isEqualTo("10.0.0.5");
	}

	@Test
	void somethingThatCannotBeAnAddressIsNotStored() {
		assertThat(ClientAddress.clean("x".repeat(101))).isNull();
		assertThat(ClientAddress.clean("198.51.100.7\n<script>")).isNull();
		assertThat(ClientAddress.clean(" 198.51.100.7 ")).isEqualTo("198.51.100.7");
	}
}
