package com.rapport.customer.organisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.rapport.support.audit.AuditEvent;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.support.security.KeycloakJwtAuthenticationConverter;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.context.ApplicationEventPublisher;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class MyContactServiceTests {

	private final OrganisationRepository repository = mock(OrganisationRepository.class);

	private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);

	/** The audit trail as a plain list: what the service recorded, in order. */
	private final List<AuditEvent> audited = new ArrayList<>();

	private final MyContactService service = new MyContactService(repository, events, audited::add);

	/** The user name of the test token {@code customer:acme-retail}. */
	private static final String ACME_LOGIN = "contact-of-acme-retail";

	private static final Contact ALICE = new Contact("alice-1", "Alice Chen", "Buyer", "alice@acme.example",
			"+86 21 5555 0101", "zh-CN", "Asia/Shanghai", LocalDate.of(1985, 4, 12), PreferredChannel.EMAIL, true,
			false, "CRM-C-1", ACME_LOGIN);

	private static final Contact BOB = Contact.of("Bob Li", "Clerk", "bob@acme.example", null, "en", "Asia/Shanghai",
			"acme.clerk");

	private static final Organisation ACME = new Organisation("acme-retail", "Acme Retail", "Retail", SizeBand.LARGE,
			"CN", "East China", List.of("strategic"), "agent.li", OrganisationStatus.ACTIVE, "CRM-0001", Tier.NORMAL,
			LifecycleStage.PROSPECT, null, null, List.of(ALICE, BOB), null, null, null, null, 7L);

	private static Caller caller(String token) {
		return Caller.from(new KeycloakJwtAuthenticationConverter().convert(TestTokens.decoder().decode(token)));
	}

	private static Caller alice() {
		return caller(TestTokens.customer("acme-retail"));
	}

	private void acmeIsStored() {
		given(repository.findById("acme-retail")).willReturn(Optional.of(ACME));
		given(repository.save(any())).willAnswer(call -> savedWithNextVersion(call.getArgument(0)));
	}

	private static Organisation savedWithNextVersion(Organisation o) {
		return new Organisation(o.id(), o.name(), o.industry(), o.sizeBand(), o.country(), o.region(), o.tags(),
				o.accountManager(), o.status(), o.externalId(), o.tier(), o.lifecycleStage(), o.tierReason(),
				o.tierOverride(), o.contacts(), null, null, o.createdAt(), o.updatedAt(), o.version() + 1);
	}

	private static PreferencesInput preferences(String language, String timeZone, String channel, boolean marketing,
			boolean surveys) {
		return new PreferencesInput(language, timeZone, channel, marketing, surveys);
	}

	@Test
	void theContactIsTheOneLinkedToTheCallersUserName() {
		acmeIsStored();
		assertThat(service.myContact(alice())).isEqualTo(ALICE);
	}

	@Test
	void theUserNameMatchesInAnyCase() {
		Contact shouting = new Contact("alice-1", "Alice Chen", null, "alice@acme.example", null, "en", null, null,
				null, false, false, null, ACME_LOGIN.toUpperCase());
		given(repository.findById("acme-retail"))
			.willReturn(Optional.of(Organisation.create("acme-retail", "Acme Retail", null, "CN", shouting)));
		assertThat(service.myContact(alice()).id()).isEqualTo("alice-1");
	}

	@Test
	void anotherOrganisationsContactWithTheSameUserNameIsNeverFound() {
		// Globex's contact carries the user name of Acme's caller; Acme itself has none linked to it.
		given(repository.findById("acme-retail"))
			.willReturn(Optional.of(Organisation.create("acme-retail", "Acme Retail", null, "CN", BOB)));
		given(repository.findById("globex-trading")).willReturn(Optional.of(Organisation.create("globex-trading",
				"Globex Trading", null, "SG", Contact.of("Gavin Wu", null, "gavin@globex.example", null, "en",
						"Asia/Singapore", ACME_LOGIN))));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> service.myContact(alice()))
			.withMessageNotContaining("Gavin");
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> service.updateMyPreferences(alice(), preferences("en", "UTC", null, false, false)));
		verify(repository, never()).findById("globex-trading");
		verify(repository, never()).save(any());
	}

	@Test
	void aCallerWithoutALinkedContactIsNotFound() {
		acmeIsStored();
		given(repository.findById("globex-trading")).willReturn(Optional.empty());
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> service.myContact(caller(TestTokens.customer("globex-trading"))));
		verify(repository, never()).findById("acme-retail");
	}

	@Test
	void staffServicesAndPartnersHaveNoContactOfTheirOwn() {
		for (String token : List.of(TestTokens.staff("agent"), TestTokens.staff("admin"), TestTokens.service(),
				TestTokens.partner("customers.read customers.write"))) {
			assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> service.myContact(caller(token)));
			assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(
					() -> service.updateMyPreferences(caller(token), preferences("en", "UTC", null, false, false)));
		}
		verifyNoInteractions(repository, events);
	}

	@Test
	void eachBadFieldIsNamed() {
		acmeIsStored();
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> service.updateMyPreferences(alice(), preferences("fr", "+08:00", "FAX", true, false)))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("language", "timeZone",
					"preferredChannel"));
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> service.updateMyPreferences(alice(), preferences("", " ", null, true, false)))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("language", "timeZone"));
		verify(repository, never()).save(any());
		verifyNoInteractions(events);
	}

	@Test
	void onlyThePreferencesChange() {
		acmeIsStored();
		Contact updated = service.updateMyPreferences(alice(), preferences("EN", "Europe/Berlin", "PORTAL", true,
				true));
		assertThat(updated).isEqualTo(new Contact("alice-1", "Alice Chen", "Buyer", "alice@acme.example",
				"+86 21 5555 0101", "en", "Europe/Berlin", LocalDate.of(1985, 4, 12), PreferredChannel.PORTAL, true,
				true, "CRM-C-1", ACME_LOGIN));
		ArgumentCaptor<Organisation> saved = ArgumentCaptor.forClass(Organisation.class);
		verify(repository).save(saved.capture());
		assertThat(saved.getValue()).isEqualTo(ACME.withContacts(List.of(updated, BOB)));
		assertThat(saved.getValue().version()).as("the version read, for optimistic locking").isEqualTo(7L);
	}

	@Test
	void aStoredChangeIsAuditedAsTheContactWithTheNamesOfTheChangedFields() {
		acmeIsStored();
		service.updateMyPreferences(alice(), preferences("en", "Europe/Berlin", null, false, false));

		assertThat(audited).hasSize(1);
		AuditEvent event = audited.get(0);
		assertThat(event.actor()).isEqualTo(ACME_LOGIN);
		assertThat(event.actorRoles()).containsExactly("customer");
		assertThat(event.action()).isEqualTo("preferences.updated");
		assertThat(event.recordType()).isEqualTo("contact");
		assertThat(event.recordId()).isEqualTo("alice-1");
		assertThat(event.organisationId()).isEqualTo("acme-retail");
		assertThat(event.details()).isEqualTo(Map.of("fields", "language,marketingConsent,timeZone"));
	}

	@Test
	void anUnspecifiedChannelKeepsTheCurrentOne() {
		acmeIsStored();
		assertThat(service.updateMyPreferences(alice(), preferences("zh-CN", "Asia/Shanghai", null, true, false)))
			.isEqualTo(ALICE);
		verify(repository, never()).save(any());
		assertThat(audited).as("nothing changed, nothing audited").isEmpty();
	}

	@Test
	void aWithdrawnConsentIsRecordedOnceInTheTimeline() {
		acmeIsStored();
		service.updateMyPreferences(alice(), preferences("zh-CN", "Asia/Shanghai", null, false, false));
		ArgumentCaptor<ConsentChanged> published = ArgumentCaptor.forClass(ConsentChanged.class);
		verify(events, times(1)).publishEvent(published.capture());
		ConsentChanged change = published.getValue();
		assertThat(change.organisationId()).isEqualTo("acme-retail");
		assertThat(change.contactId()).isEqualTo("alice-1");
		assertThat(change.contactName()).isEqualTo("Alice Chen");
		assertThat(change.topic()).isEqualTo("marketing");
		assertThat(change.given()).isFalse();
		assertThat(change.version()).isEqualTo(8);
	}

	@Test
	void aGivenConsentIsRecordedAndAnUnchangedOneIsNot() {
		acmeIsStored();
		service.updateMyPreferences(alice(), preferences("en", "Asia/Shanghai", null, true, true));
		ArgumentCaptor<ConsentChanged> published = ArgumentCaptor.forClass(ConsentChanged.class);
		verify(events, times(1)).publishEvent(published.capture());
		assertThat(published.getValue().topic()).isEqualTo("surveys");
		assertThat(published.getValue().given()).isTrue();
	}

	@Test
	void reorderRemindersAreTurnedOnRecordedAndKeptByAnEditThatDoesNotNameThem() {
		acmeIsStored();
		Contact on = service.updateMyPreferences(alice(), new PreferencesInput("zh-CN", "Asia/Shanghai", null, true,
				false, true));
		assertThat(on.reorderReminderConsent()).isTrue();
		ArgumentCaptor<ConsentChanged> published = ArgumentCaptor.forClass(ConsentChanged.class);
		verify(events, times(1)).publishEvent(published.capture());
		assertThat(published.getValue().topic()).isEqualTo("reorder-reminders");
		assertThat(published.getValue().given()).isTrue();

		Organisation stored = ACME.withContacts(List.of(ALICE.withReorderReminderConsent(true), BOB));
		given(repository.findById("acme-retail")).willReturn(Optional.of(stored));
		Contact kept = service.updateMyPreferences(alice(), preferences("en", "Asia/Shanghai", null, true, false));
		assertThat(kept.reorderReminderConsent()).as("a client that does not know them keeps them").isTrue();
		assertThat(kept.language()).isEqualTo("en");
	}

	@Test
	void anEditThatLostARaceIsAConflict() {
		given(repository.findById("acme-retail")).willReturn(Optional.of(ACME));
		given(repository.save(any())).willThrow(new OptimisticLockingFailureException("version 7 is gone"));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> service.updateMyPreferences(alice(), preferences("en", "UTC", null, false, false)));
		verifyNoInteractions(events);
		assertThat(audited).isEmpty();
	}
}
