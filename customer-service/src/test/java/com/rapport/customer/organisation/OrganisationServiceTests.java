package com.rapport.customer.organisation;

import java.util.Optional;

import com.rapport.support.error.NotFoundException;
import com.rapport.support.security.Caller;
import com.rapport.support.security.KeycloakJwtAuthenticationConverter;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class OrganisationServiceTests {

	private final OrganisationRepository repository = mock(OrganisationRepository.class);

	private final OrganisationService service = new OrganisationService(repository);

	private static final Organisation ACME = Organisation.create("acme-retail", "Acme Retail", "Retail", "CN");

	private static final Organisation GLOBEX = Organisation.create("globex-trading", "Globex Trading", null, "SG");

	private static Caller caller(String token) {
		return Caller.from(new KeycloakJwtAuthenticationConverter().convert(TestTokens.decoder().decode(token)));
	}

	@Test
	void customerCannotReadAnotherCustomersOrganisation() {
		given(repository.findById("acme-retail")).willReturn(Optional.of(ACME));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> service.get(caller(TestTokens.customer("globex-trading")), "acme-retail"))
			.withMessage("No organisation acme-retail");
		// Refused before the store is asked: whether the id exists cannot be told from the answer.
		verify(repository, never()).findById("acme-retail");
	}

	@Test
	void customerReadsItsOwnOrganisation() {
		given(repository.findById("acme-retail")).willReturn(Optional.of(ACME));
		assertThat(service.get(caller(TestTokens.customer("acme-retail")), "acme-retail")).isEqualTo(ACME);
	}

	@Test
	void customerListSholdsOnlyItsOwnOrganisation() {
		given(repository.findById("acme-retail")).willReturn(Optional.of(ACME));
		var page = service.list(caller(TestTokens.customer("acme-retail")), 0, 50);
		assertThat(page.getContent()).containsExactly(ACME);
		assertThat(page.getTotalElements()).isEqualTo(1);
		verify(repository, never()).findAllByOrderByNameAsc(any());
	}

	@Test
	void agentListsEveryOrganisationWithABoundedPageSize() {
		given(repository.findAllByOrderByNameAsc(any(Pageable.class)))
			.willAnswer(call -> new PageImpl<>(List.of(ACME, GLOBEX), call.getArgument(0), 2));
		var page = service.list(caller(TestTokens.staff("agent")), 0, 10_000);
		assertThat(page.getContent()).containsExactly(ACME, GLOBEX);
		assertThat(page.getSize()).isEqualTo(OrganisationService.MAX_PAGE_SIZE);
	}

	@Test
	void unknownOrganisationIsNotFoundForStaff() {
		given(repository.findById("nope")).willReturn(Optional.empty());
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> service.get(caller(TestTokens.staff("agent")), "nope"));
	}
}
