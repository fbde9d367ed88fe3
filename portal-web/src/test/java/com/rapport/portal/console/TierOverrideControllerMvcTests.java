package com.rapport.portal.console;

import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.contracts.customer.v1.Tier;
import com.rapport.portal.remote.TieringPolicyClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(TierOverrideController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class TierOverrideControllerMvcTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TieringPolicyClient tiering;

	@Test
	void aManagerOverridesTheTierAndIsToldItIsInForce() throws Exception {
		given(tiering.setTierOverride("acme-retail", Tier.TIER_VIP, "Strategic account", "2027-03-31"))
			.willReturn(Organisation.getDefaultInstance());

		mvc.perform(post("/console/organisations/acme-retail/tier-override").with(csrf())
			.param("tier", "TIER_VIP").param("reason", " Strategic account ").param("endDate", "2027-03-31")
			.with(as(TestTokens.staff("manager"))))
			.andExpect(redirectedUrl("/console/organisations/acme-retail?notice=override-set"));
	}

	@Test
	void aRefusedOverrideComesBackAsANotice() throws Exception {
		given(tiering.setTierOverride(eq("acme-retail"), any(), anyString(), anyString()))
			.willThrow(UnprocessableException.withoutCode("reason is required", java.util.Map.of("reason", "is required")));

		mvc.perform(post("/console/organisations/acme-retail/tier-override").with(csrf()).param("tier", "TIER_VIP")
			.param("endDate", "2027-03-31").with(as(TestTokens.staff("admin"))))
			.andExpect(redirectedUrl("/console/organisations/acme-retail?notice=override-invalid"));
	}

	@Test
	void endingTheOverride() throws Exception {
		mvc.perform(post("/console/organisations/acme-retail/tier-override/remove").with(csrf())
			.with(as(TestTokens.staff("manager"))))
			.andExpect(redirectedUrl("/console/organisations/acme-retail?notice=override-removed"));
		verify(tiering).removeTierOverride("acme-retail");
	}

	@Test
	void agentsCannotOverride() throws Exception {
		mvc.perform(post("/console/organisations/acme-retail/tier-override").with(csrf()).param("tier", "TIER_VIP")
			.param("reason", "x").param("endDate", "2027-03-31").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isForbidden());
		verifyNoInteractions(tiering);
	}
}
