package com.rapport.customer.grpc;

import java.time.Instant;

import com.google.protobuf.Empty;
import com.rapport.contracts.customer.v1.AddContactRequest;
import com.rapport.contracts.customer.v1.RemoveTierOverrideRequest;
import com.rapport.contracts.customer.v1.SetTierOverrideRequest;
import com.rapport.contracts.customer.v1.TierOverride;
import com.rapport.contracts.customer.v1.TierReason;
import com.rapport.customer.tiering.TieringService;
import com.rapport.contracts.customer.v1.Contact;
import com.rapport.contracts.customer.v1.ContactFields;
import com.rapport.contracts.customer.v1.CreateOrganisationRequest;
import com.rapport.contracts.customer.v1.OrganisationFields;
import com.rapport.contracts.customer.v1.UpdateContactRequest;
import com.rapport.contracts.customer.v1.UpdateOrganisationRequest;
import com.rapport.customer.organisation.ContactInput;
import com.rapport.customer.organisation.OrganisationInput;
import com.rapport.contracts.customer.v1.CustomerServiceGrpc;
import com.rapport.contracts.customer.v1.GetDataSubjectRequest;
import com.rapport.contracts.customer.v1.GetMyContactRequest;
import com.rapport.contracts.customer.v1.GetOrganisationRequest;
import com.rapport.contracts.customer.v1.InviteContactRequest;
import com.rapport.contracts.customer.v1.LifecycleStage;
import com.rapport.contracts.customer.v1.ListInteractionsRequest;
import com.rapport.contracts.customer.v1.ListInteractionsResponse;
import com.rapport.contracts.customer.v1.ListOrganisationsRequest;
import com.rapport.contracts.customer.v1.ListOrganisationsResponse;
import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.contracts.customer.v1.OrganisationStatus;
import com.rapport.contracts.customer.v1.PreferredChannel;
import com.rapport.contracts.customer.v1.RecordInteractionRequest;
import com.rapport.contracts.customer.v1.RecordInteractionResponse;
import com.rapport.contracts.customer.v1.RemoveContactRequest;
import com.rapport.contracts.customer.v1.ResendInvitationRequest;
import com.rapport.contracts.customer.v1.SizeBand;
import com.rapport.contracts.customer.v1.Tier;
import com.rapport.contracts.customer.v1.UpdateMyPreferencesRequest;
import com.rapport.customer.identity.InvitationService;
import com.rapport.customer.organisation.MyContactService;
import com.rapport.customer.organisation.OrganisationService;
import com.rapport.customer.organisation.PreferencesInput;
import com.rapport.customer.timeline.Interaction;
import com.rapport.customer.timeline.TimelineService;
import com.rapport.support.grpc.PageTokens;
import com.rapport.support.security.Caller;
import com.rapport.contracts.privacy.v1.Subject;
import io.grpc.stub.StreamObserver;

import org.springframework.data.domain.Page;
import org.springframework.grpc.server.service.GrpcService;
import org.springframework.security.access.AccessDeniedException;

@GrpcService
class CustomerGrpcService extends CustomerServiceGrpc.CustomerServiceImplBase {

	private final OrganisationService organisations;

	private final TimelineService timeline;

	private final MyContactService myContact;

	private final TieringService tiering;

	private final InvitationService invitations;

	CustomerGrpcService(OrganisationService organisations, TimelineService timeline, MyContactService myContact,
			InvitationService invitations, TieringService tiering) {
		this.tiering = tiering;
		this.organisations = organisations;
		this.timeline = timeline;
		this.myContact = myContact;
		this.invitations = invitations;
	}

	@Override
	public void getOrganisation(GetOrganisationRequest request, StreamObserver<Organisation> response) {
		Caller caller = Caller.current();
		response.onNext(toProto(organisations.get(caller, request.getOrganisationId()),
				OrganisationService.isStaff(caller)));
		response.onCompleted();
	}

	@Override
	public void listOrganisations(ListOrganisationsRequest request, StreamObserver<ListOrganisationsResponse> response) {
		Caller caller = Caller.current();
		int page = PageTokens.page(request.getPageToken());
		Page<com.rapport.customer.organisation.Organisation> result = organisations.search(caller,
				request.getQuery(), page, request.getPageSize());
		ListOrganisationsResponse.Builder answer = ListOrganisationsResponse.newBuilder()
			.setTotalSize(result.getTotalElements());
		boolean staff = OrganisationService.isStaff(caller);
		result.forEach(o -> answer.addOrganisations(toProto(o, staff)));
		if (result.hasNext()) {
			answer.setNextPageToken(PageTokens.of(page + 1));
		}
		response.onNext(answer.build());
		response.onCompleted();
	}

	@Override
	public void recordInteraction(RecordInteractionRequest request,
			StreamObserver<RecordInteractionResponse> response) {
		boolean recorded = timeline.record(Caller.current(), TimelineMessages.toInput(request.getInteraction()));
		response.onNext(RecordInteractionResponse.newBuilder().setRecorded(recorded).build());
		response.onCompleted();
	}

	@Override
	public void listInteractions(ListInteractionsRequest request, StreamObserver<ListInteractionsResponse> response) {
		Caller caller = Caller.current();
		int page = PageTokens.page(request.getPageToken());
		Page<Interaction> result = timeline.list(caller, request.getOrganisationId(),
				TimelineMessages.toFilter(request.getKindsList()), page, request.getPageSize());
		ListInteractionsResponse.Builder answer = ListInteractionsResponse.newBuilder();
		result.forEach(i -> answer.addInteractions(TimelineMessages.toProto(i)));
		if (result.hasNext()) {
			answer.setNextPageToken(PageTokens.of(page + 1));
		}
		response.onNext(answer.build());
		response.onCompleted();
	}

	@Override
	public void getMyContact(GetMyContactRequest request, StreamObserver<Contact> response) {
		response.onNext(toProto(myContact.myContact(Caller.current()), false));
		response.onCompleted();
	}

	@Override
	public void updateMyPreferences(UpdateMyPreferencesRequest request, StreamObserver<Contact> response) {
		response.onNext(toProto(myContact.updateMyPreferences(Caller.current(), toInput(request)), false));
		response.onCompleted();
	}

	@Override
	public void inviteContact(InviteContactRequest request, StreamObserver<Contact> response) {
		response.onNext(toProto(invitations.invite(Caller.current(), request.getOrganisationId(),
				request.getContactId()), true));
		response.onCompleted();
	}

	@Override
	public void resendInvitation(ResendInvitationRequest request, StreamObserver<Contact> response) {
		response.onNext(toProto(invitations.resend(Caller.current(), request.getOrganisationId(),
				request.getContactId()), true));
		response.onCompleted();
	}

	/** Admins only over gRPC (the console), while REST lets every contact writer remove. */
	@Override
	public void removeContact(RemoveContactRequest request, StreamObserver<Empty> response) {
		Caller caller = Caller.current();
		InvitationService.requireAdmin(caller);
		invitations.removeContact(caller, request.getOrganisationId(), request.getContactId());
		response.onNext(Empty.getDefaultInstance());
		response.onCompleted();
	}

	@Override
	public void getDataSubject(GetDataSubjectRequest request, StreamObserver<Subject> response) {
		Caller caller = Caller.current();
		if (!caller.hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("Only admins act on a contact's personal data");
		}
		var contact = organisations.contact(caller, request.getOrganisationId(), request.getContactId());
		response.onNext(Subject.newBuilder().setOrganisationId(request.getOrganisationId()).setContactId(contact.id())
			.setUsername(nullToEmpty(contact.username())).setEmail(nullToEmpty(contact.email()))
			.setName(nullToEmpty(contact.name())).setPhone(nullToEmpty(contact.phone())).build());
		response.onCompleted();
	}

	@Override
	public void createOrganisation(CreateOrganisationRequest request, StreamObserver<Organisation> response) {
		Caller caller = staff();
		OrganisationInput input = toInput(request.getOrganisationId().isBlank() ? null
				: request.getOrganisationId().strip(), request.getFields(), null);
		// A new organisation: a field left empty takes its default (there is nothing to clear yet).
		input = new OrganisationInput(input.id(), blankToNull(input.name()), blankToNull(input.industry()),
				input.sizeBand(), blankToNull(input.country()), blankToNull(input.region()), input.tags(),
				blankToNull(input.accountManager()), input.status(), null, null);
		response.onNext(toProto(organisations.create(caller, input), true));
		response.onCompleted();
	}

	@Override
	public void updateOrganisation(UpdateOrganisationRequest request, StreamObserver<Organisation> response) {
		Caller caller = staff();
		response.onNext(toProto(organisations.update(caller, request.getOrganisationId(),
				toInput(null, request.getFields(), request.hasVersion() ? request.getVersion() : null)), true));
		response.onCompleted();
	}

	@Override
	public void addContact(AddContactRequest request, StreamObserver<Contact> response) {
		Caller caller = staff();
		response.onNext(toProto(organisations.addContact(caller, request.getOrganisationId(),
				toNewInput(request.getFields())), true));
		response.onCompleted();
	}

	@Override
	public void updateContact(UpdateContactRequest request, StreamObserver<Contact> response) {
		Caller caller = staff();
		response.onNext(toProto(organisations.updateContact(caller, request.getOrganisationId(),
				request.getContactId(), toInput(request.getFields())), true));
		response.onCompleted();
	}

	@Override
	public void setTierOverride(SetTierOverrideRequest request, StreamObserver<Organisation> response) {
		String tier = request.getTier() == com.rapport.contracts.customer.v1.Tier.TIER_UNSPECIFIED ? null
				: request.getTier() == com.rapport.contracts.customer.v1.Tier.UNRECOGNIZED ? "value " + request.getTierValue()
						: request.getTier().name().substring("TIER_".length());
		response.onNext(toProto(tiering.setOverride(Caller.current(), request.getOrganisationId(),
				new TieringService.OverrideInput(tier, request.getReason(), request.getEndDate())), true));
		response.onCompleted();
	}

	@Override
	public void removeTierOverride(RemoveTierOverrideRequest request, StreamObserver<Organisation> response) {
		response.onNext(toProto(tiering.removeOverride(Caller.current(), request.getOrganisationId()), true));
		response.onCompleted();
	}

	/** Editing over gRPC is the console's, so the staff's; partners edit over REST. */
	private static Caller staff() {
		Caller caller = Caller.current();
		if (!OrganisationService.isStaff(caller)) {
			throw new AccessDeniedException("Only staff edit organisations and contacts here");
		}
		return caller;
	}

	/** Every field as the form sent it; an unspecified enum keeps the current value, an unknown one is named. */
	static OrganisationInput toInput(String id, OrganisationFields fields, Long version) {
		return new OrganisationInput(id, fields.getName(), fields.getIndustry(),
				enumName(fields.getSizeBand(), fields.getSizeBandValue(), "SIZE_BAND_"), fields.getCountry(),
				fields.getRegion(), fields.getTagsList(), fields.getAccountManager(),
				enumName(fields.getStatus(), fields.getStatusValue(), "ORGANISATION_STATUS_"), null, version);
	}

	/** A new contact: a field left empty takes its default (there is nothing to clear yet). */
	static ContactInput toNewInput(ContactFields fields) {
		ContactInput input = toInput(fields);
		return new ContactInput(blankToNull(input.name()), blankToNull(input.jobTitle()), blankToNull(input.email()),
				blankToNull(input.phone()), blankToNull(input.language()), blankToNull(input.timeZone()),
				blankToNull(input.birthday()), input.preferredChannel(), null, null, null, null);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	static ContactInput toInput(ContactFields fields) {
		return new ContactInput(fields.getName(), fields.getJobTitle(), fields.getEmail(), fields.getPhone(),
				fields.getLanguage(), fields.getTimeZone(), fields.getBirthday(),
				enumName(fields.getPreferredChannel(), fields.getPreferredChannelValue(), "PREFERRED_CHANNEL_"), null,
				null, null, null);
	}

	private static String enumName(Enum<?> value, int number, String prefix) {
		if (value.name().equals("UNRECOGNIZED")) {
			return "value " + number;
		}
		return value.name().endsWith("_UNSPECIFIED") ? null : value.name().substring(prefix.length());
	}

	/** Unspecified keeps the current channel; an unknown number is passed on for the rules to name. */
	static PreferencesInput toInput(UpdateMyPreferencesRequest request) {
		String channel = switch (request.getPreferredChannel()) {
			case PREFERRED_CHANNEL_UNSPECIFIED -> null;
			case UNRECOGNIZED -> "channel " + request.getPreferredChannelValue();
			default -> request.getPreferredChannel().name().substring("PREFERRED_CHANNEL_".length());
		};
		return new PreferencesInput(request.getLanguage(), request.getTimeZone(), channel,
				request.getMarketingConsent(), request.getSurveyConsent());
	}

	/** {@code staff}: the contacts' login and invitation fields are shown (staff callers only). */
	static Organisation toProto(com.rapport.customer.organisation.Organisation o, boolean staff) {
		Organisation.Builder organisation = Organisation.newBuilder().setId(o.id()).setName(o.name())
			.setIndustry(nullToEmpty(o.industry())).setCountry(nullToEmpty(o.country()))
			.setTier(Tier.valueOf("TIER_" + o.currentTier(Instant.now()).name()))
			.setLifecycleStage(LifecycleStage.valueOf("LIFECYCLE_STAGE_" + o.lifecycleStage().name()))
			.addAllContacts(o.contacts().stream().map(c -> toProto(c, staff)).toList())
			.setSizeBand(o.sizeBand() == null ? SizeBand.SIZE_BAND_UNSPECIFIED
					: SizeBand.valueOf("SIZE_BAND_" + o.sizeBand().name()))
			.setRegion(nullToEmpty(o.region())).addAllTags(o.tags())
			.setAccountManager(nullToEmpty(o.accountManager()))
			.setStatus(OrganisationStatus.valueOf("ORGANISATION_STATUS_" + o.status().name()))
			.setExternalId(nullToEmpty(o.externalId()))
			.setVersion(o.version() == null ? 0 : o.version());
		if (staff && o.tierReason() != null) {
			var r = o.tierReason();
			organisation.setTierReason(TierReason.newBuilder()
				.setComputedTier(Tier.valueOf("TIER_" + r.tier().name())).setRule(nullToEmpty(r.rule()))
				.setHasOrders(r.recencyDays() != null).setRecencyDays(r.recencyDays() == null ? 0 : r.recencyDays())
				.setFrequency(r.frequency()).setMonetary(r.monetary() == null ? "0" : r.monetary().toPlainString())
				.setCurrency(nullToEmpty(r.currency())).setWindowDays(r.windowDays())
				.setComputedAt(TimelineMessages.toTimestamp(r.computedAt())));
		}
		if (staff && o.tierOverride() != null) {
			var v = o.tierOverride();
			organisation.setTierOverride(TierOverride.newBuilder().setTier(Tier.valueOf("TIER_" + v.tier().name()))
				.setReason(nullToEmpty(v.reason())).setEndDate(v.endDate().toString()).setSetBy(nullToEmpty(v.setBy()))
				.setSetAt(TimelineMessages.toTimestamp(v.setAt())).setActive(v.activeAt(Instant.now())));
		}
		return organisation.build();
	}

	static Contact toProto(com.rapport.customer.organisation.Contact c, boolean staff) {
		Contact.Builder contact = Contact.newBuilder().setName(c.name()).setJobTitle(nullToEmpty(c.jobTitle()))
			.setEmail(nullToEmpty(c.email())).setPhone(nullToEmpty(c.phone())).setLanguage(nullToEmpty(c.language()))
			.setTimeZone(nullToEmpty(c.timeZone())).setId(c.id())
			.setBirthday(c.birthday() == null ? "" : c.birthday().toString())
			.setPreferredChannel(PreferredChannel.valueOf("PREFERRED_CHANNEL_" + c.preferredChannel().name()))
			.setMarketingConsent(c.marketingConsent()).setSurveyConsent(c.surveyConsent())
			.setExternalId(nullToEmpty(c.externalId()));
		if (staff) {
			contact.setHasLogin(c.username() != null);
			if (c.invitation() != null) {
				contact.setInvitedAt(TimelineMessages.toTimestamp(c.invitation().invitedAt()));
				if (c.invitation().mailedAt() != null) {
					contact.setInvitationMailedAt(TimelineMessages.toTimestamp(c.invitation().mailedAt()));
				}
			}
		}
		return contact.build();
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}
}
