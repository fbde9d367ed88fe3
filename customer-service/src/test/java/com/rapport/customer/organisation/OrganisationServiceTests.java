package com.rapport.customer.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.rapport.support.audit.AuditEvent;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.support.security.KeycloakJwtAuthenticationConverter;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class OrganisationServiceTests {

	private final OrganisationRepository repository = mock(OrganisationRepository.class);

	private final List<AuditEvent> audited = new ArrayList<>();

	private final OrganisationService service = new OrganisationService(repository, audited::add);

	private final ContactService contacts = new ContactService(service, repository, audited::add);

	private static final Organisation ACME = Organisation.create("acme-retail", "Acme Retail", "Retail", "CN");

	private static final Organisation GLOBEX = Organisation.create("globex-trading", "Globex Trading", null, "SG");

	private static Caller caller(String token) {
		return Caller.from(new KeycloakJwtAuthenticationConverter().convert(TestTokens.decoder().decode(token)));
	}

	private static OrganisationInput nameOnly(String name) {
		return new OrganisationInput(null, name, null, null, null, null, null, null, null, null, null);
	}

	@Test
	void customerCannotReadAnotherCustomersOrganisation() {
		given(repository.findById("acme-retail")).willReturn(Optional.of(ACME));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> service.get(caller(TestTokens.customer("globex-trading")), "acme-retail"))
			.satisfies(ex -> assertThat(ex.reason()).isEqualTo(Message.of("organisation.not-found", "acme-retail")));
		// Refused before the store is asked: whether the id exists cannot be told from the answer.
		verify(repository, never()).findById("acme-retail");
	}

	@Test
	void customerReadsItsOwnOrganisation() {
		given(repository.findById("acme-retail")).willReturn(Optional.of(ACME));
		assertThat(service.get(caller(TestTokens.customer("acme-retail")), "acme-retail")).isEqualTo(ACME);
	}

	@Test
	void customerListHoldsOnlyItsOwnOrganisation() {
		given(repository.search(eq(List.of()), eq("acme-retail"), any()))
			.willAnswer(call -> new PageImpl<>(List.of(ACME), call.getArgument(2), 1));
		var page = service.list(caller(TestTokens.customer("acme-retail")), 0, 50);
		assertThat(page.getContent()).containsExactly(ACME);
		assertThat(page.getTotalElements()).isEqualTo(1);
		verify(repository, never()).findAllByOrderByNameAsc(any());
	}

	@Test
	void customerSearchIsLimitedToItsOwnOrganisation() {
		given(repository.search(eq(List.of("globex")), eq("acme-retail"), any()))
			.willAnswer(call -> new PageImpl<>(List.of(), call.getArgument(2), 0));
		assertThat(service.search(caller(TestTokens.customer("acme-retail")), "Globex", 0, 50)).isEmpty();
		verify(repository, never()).search(any(), eq(null), any());
	}

	@Test
	void partnerWithoutTheReadScopeFindsNothing() {
		assertThat(service.search(caller(TestTokens.partner("orders.read")), "acme", 0, 50)).isEmpty();
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> service.get(caller(TestTokens.partner("orders.read")), "acme-retail"));
		verifyNoInteractions(repository);
	}

	@Test
	void partnerWithTheReadScopeReadsAnyOrganisation() {
		given(repository.findById("acme-retail")).willReturn(Optional.of(ACME));
		assertThat(service.get(caller(TestTokens.partner("customers.read")), "acme-retail")).isEqualTo(ACME);
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
	void aTooLongSearchIsRejectedNamingQ() {
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> service.search(caller(TestTokens.staff("agent")), "x".repeat(101), 0, 10))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("q"));
	}

	@Test
	void unknownOrganisationIsNotFoundForStaff() {
		given(repository.findById("nope")).willReturn(Optional.empty());
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> service.get(caller(TestTokens.staff("agent")), "nope"));
	}

	@Test
	void customerCannotCreateOrEditOrganisations() {
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> service.create(caller(TestTokens.customer("acme-retail")), nameOnly("Acme")));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> service.update(caller(TestTokens.customer("acme-retail")), "acme-retail", nameOnly("A")));
		verifyNoInteractions(repository);
	}

	@Test
	void readOnlyPartnerAndOtherServicesCannotWrite() {
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> service.upsertByExternalId(caller(TestTokens.partner("customers.read")), "CRM-1",
					nameOnly("Acme")));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> service.create(caller(TestTokens.service()), nameOnly("Acme")));
	}

	@Test
	void anEditWithAStaleVersionIsAConflict() {
		Organisation stored = new Organisation("acme-retail", "Acme Retail", null, null, "CN", null, null, null, null,
				null, null, null, null, null, null, null, null, null, null, 3L);
		given(repository.findById("acme-retail")).willReturn(Optional.of(stored));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> service.update(caller(TestTokens.staff("agent")), "acme-retail",
					new OrganisationInput(null, "Acme", null, null, null, null, null, null, null, null, 2L)));
		verify(repository, never()).save(any());
	}

	@Test
	void aConcurrentEditAnswersConflictNotAnError() {
		given(repository.findById("acme-retail")).willReturn(Optional.of(ACME));
		given(repository.save(any())).willThrow(new OptimisticLockingFailureException("stale"));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> service.update(caller(TestTokens.staff("manager")), "acme-retail", nameOnly("Acme 2")))
			.satisfies(ex -> assertThat(ex.reason()).isEqualTo(Message.of("organisation.changed-meanwhile", "acme-retail")));
		assertThat(audited).as("a change that was not stored is not audited").isEmpty();
	}

	@Test
	void anUnchangedEditIsNotWritten() {
		given(repository.findById("acme-retail")).willReturn(Optional.of(ACME));
		assertThat(service.update(caller(TestTokens.staff("agent")), "acme-retail", nameOnly("Acme Retail")))
			.isSameAs(ACME);
		verify(repository, never()).save(any());
		assertThat(audited).isEmpty();
	}

	@Test
	void partnersCannotLinkPortalLogins() {
		given(repository.findById("acme-retail")).willReturn(Optional.of(ACME));
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> contacts.addContact(caller(TestTokens.partner("customers.write")), "acme-retail",
					new ContactInput("Ann", null, "ann@acme.example", null, null, null, null, null, null, null, null,
							"acme.ann")))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("username"));
	}

	@Test
	void theExternalIdInTheBodyMustMatchThePath() {
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> service.upsertByExternalId(caller(TestTokens.partner("customers.write")), "CRM-1",
					new OrganisationInput(null, "Acme", null, null, "CN", null, null, null, null, "CRM-2", null)))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("externalId"));
	}

	@Test
	void aNewOrganisationGetsAReadableIdFromItsName() {
		given(repository.hasId("muller-sohne-gmbh")).willReturn(false);
		given(repository.insert(any(Organisation.class))).willAnswer(call -> call.getArgument(0));
		Organisation created = service.create(caller(TestTokens.staff("agent")),
				new OrganisationInput(null, "Müller & Söhne GmbH", null, null, "de", null, null, null, null, null, null));
		assertThat(created.id()).isEqualTo("muller-sohne-gmbh");
		assertThat(created.country()).isEqualTo("DE");
		assertThat(created.status()).isEqualTo(OrganisationStatus.ACTIVE);
		assertThat(audited).singleElement().satisfies(event -> {
			assertThat(event.actor()).isEqualTo("staff-agent");
			assertThat(event.action()).isEqualTo("organisation.created");
			assertThat(event.recordId()).isEqualTo("muller-sohne-gmbh");
			assertThat(event.details()).containsEntry("fields", "country,name,status");
		});
	}

	@Test
	void namesThatShareASlugStillGetAnIdWhenTheShortSuffixesAreUsedUp() {
		// Every "org-xxxx" taken, as after 65,536 organisations with Chinese names.
		given(repository.hasId(any())).willAnswer(call -> ((String) call.getArgument(0)).length() <= "org-ffff".length());
		given(repository.insert(any(Organisation.class))).willAnswer(call -> call.getArgument(0));

		Organisation created = service.create(caller(TestTokens.staff("agent")),
				new OrganisationInput(null, "安海贸易", null, null, "CN", null, null, null, null, null, null));

		assertThat(created.id()).matches("org-[0-9a-f]{16}");
	}
}
