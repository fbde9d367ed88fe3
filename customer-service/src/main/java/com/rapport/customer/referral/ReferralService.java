package com.rapport.customer.referral;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.customer.loyalty.Ledger;
import com.rapport.customer.loyalty.LedgerEntry;
import com.rapport.customer.loyalty.LedgerEntryKind;
import com.rapport.customer.loyalty.LoyaltyRules;
import com.rapport.customer.loyalty.LoyaltyRulesService;
import com.rapport.customer.loyalty.LoyaltyTimeline;
import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.CustomerAccess;
import com.rapport.customer.organisation.MyContactService;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.ProfileRules;
import com.rapport.customer.timeline.Interaction;
import com.rapport.customer.timeline.InteractionInput;
import com.rapport.customer.timeline.InteractionKind;
import com.rapport.customer.timeline.InteractionRecorded;
import com.rapport.customer.timeline.TimelineService;
import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.support.validation.TextRules;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Referrals: a customer contact invites a company (its name and a contact's email address); the invitation goes out
 * by mail in the contact's language, and is audited and on the inviting organisation's timeline.
 * <p>
 * <b>How the company is recognised</b>: by the invited address. When a delivery is recorded for an organisation,
 * the open referrals of its contacts' email addresses are looked up (index {@code email_state}); the earliest
 * invitation wins, provided the organisation was created after it (a company that was a customer already is no
 * referral) and is not the inviting one, and no referral of this organisation was earned before. Staff therefore
 * link a referred company simply by giving its organisation a contact with the invited address, before or after its
 * first delivery; the next delivery then settles it.
 * <p>
 * <b>Once</b>: the bonus (the loyalty rules' {@code referralBonus}) is posted on the referrer's ledger as
 * {@code referral:<referrer>:<referral id>}, an id that a replayed or repeated delivery finds again, and the
 * referral moves from {@code INVITED} to {@code EARNED} only once (a conditional update); the ledger line goes on
 * the referrer's timeline and the audit trail only when this call posted it.
 */
@Service
public class ReferralService {

	private static final Logger log = LoggerFactory.getLogger(ReferralService.class);

	static final int MAX_COMPANY = 200;

	static final int MAX_LISTED = 200;

	static final String SOURCE = "customer-service";

	private final ReferralRepository referrals;

	private final MyContactService contacts;

	private final OrganisationRepository organisations;

	private final ReferralMail mail;

	private final Ledger ledger;

	private final LoyaltyRulesService rules;

	private final LoyaltyTimeline loyaltyTimeline;

	private final TimelineService timeline;

	private final AuditTrail audit;

	private final MongoTemplate mongo;

	private final Clock clock;

	ReferralService(ReferralRepository referrals, MyContactService contacts, OrganisationRepository organisations,
			ReferralMail mail, Ledger ledger, LoyaltyRulesService rules, LoyaltyTimeline loyaltyTimeline,
			TimelineService timeline, AuditTrail audit, MongoTemplate mongo, Clock clock) {
		this.referrals = referrals;
		this.contacts = contacts;
		this.organisations = organisations;
		this.mail = mail;
		this.ledger = ledger;
		this.rules = rules;
		this.loyaltyTimeline = loyaltyTimeline;
		this.timeline = timeline;
		this.audit = audit;
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * A customer contact invites a company for its own organisation (anyone else is refused before anything is
	 * read). Every bad field is named at once; an address the organisation invited already, or one of its own
	 * contacts', is a conflict. The mail goes out before the call answers; when the mail server refuses, nothing is
	 * kept and the caller may try again.
	 */
	public Referral invite(Caller caller, String companyName, String email) {
		if (!caller.isCustomer() || caller.customerId().isEmpty()) {
			throw new AccessDeniedException("Referrals are made by a customer's contacts");
		}
		String company = companyName == null ? "" : companyName.strip();
		String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		Map<String, Message> bad = new LinkedHashMap<>();
		if (company.isEmpty()) {
			bad.put("companyName", Message.of("referral.company.required"));
		}
		else if (company.length() > MAX_COMPANY) {
			bad.put("companyName", Message.of("field.max-length", MAX_COMPANY));
		}
		else if (!TextRules.isPlain(company, false)) {
			bad.put("companyName", Message.of(TextRules.problemCode(company, false)));
		}
		if (address.isEmpty()) {
			bad.put("email", Message.of("field.required"));
		}
		else if (ProfileRules.emailProblem(address) != null) {
			bad.put("email", Message.of(ProfileRules.emailProblem(address)));
		}
		if (!bad.isEmpty()) {
			throw new UnprocessableException(Message.of("referral.invalid"), bad);
		}
		Contact inviter = contacts.myContact(caller);
		Organisation organisation = organisations.findById(caller.customerId().get())
			.orElseThrow(() -> new NotFoundException(Message.of("contact.own.none")));
		if (organisation.contacts().stream().anyMatch(c -> c.email() != null && c.email().equalsIgnoreCase(address))) {
			throw new ConflictException(Message.of("referral.own-contact", address));
		}
		String language = inviter.language() == null ? null : ProfileRules.language(inviter.language());
		Referral referral = new Referral(idOf(organisation.id(), address), organisation.id(), organisation.name(),
				inviter.id(), inviter.name(), company, address, language == null ? "en" : language,
				ReferralState.INVITED, clock.instant().truncatedTo(ChronoUnit.MILLIS), null, null, 0, null);
		try {
			referrals.insert(referral);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException(Message.of("referral.already-invited", address));
		}
		try {
			mail.send(referral);
		}
		catch (MailException ex) {
			referrals.deleteById(referral.id());
			throw new RemoteUnavailableException("mail", ex);
		}
		audit.record(caller, "referral.invited", "referral", referral.id(), organisation.id(),
				Map.of("company", company));
		record(new InteractionInput(SOURCE, "referral:" + referral.id(), organisation.id(), InteractionKind.CARE_EVENT,
				referral.invitedAt(), inviter.name() + " invited " + company + " (" + address + ") to become a customer",
				"referral:" + referral.id(), Map.of("referral_id", referral.id()), "timeline.referral.invited",
				List.of(inviter.name(), company, address)));
		return referral;
	}

	/** The referral of an organisation for an address: the same address invited twice is the same id. */
	static String idOf(String organisationId, String email) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest((organisationId + "\n" + email).getBytes(StandardCharsets.UTF_8));
			return "ref-" + HexFormat.of().formatHex(hash, 0, 10);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Referrals newest first, at most {@value #MAX_LISTED}: a contact its own organisation's (whatever it names),
	 * staff one organisation's or everyone's.
	 */
	public List<Referral> list(Caller caller, String organisationId) {
		PageRequest first = PageRequest.of(0, MAX_LISTED);
		if (caller.isCustomer()) {
			return caller.customerId().map(own -> referrals.findByOrganisationIdOrderByInvitedAtDesc(own, first))
				.orElse(List.of());
		}
		if (!CustomerAccess.isStaff(caller)) {
			throw new AccessDeniedException("Referrals are read by contacts and staff");
		}
		return organisationId == null || organisationId.isBlank() ? referrals.findAllByOrderByInvitedAtDesc(first)
				: referrals.findByOrganisationIdOrderByInvitedAtDesc(organisationId, first);
	}

	/** A newly recorded delivery may settle a referral of its organisation; a failure is logged, never thrown. */
	@EventListener
	public void onInteractionRecorded(InteractionRecorded event) {
		Interaction interaction = event.interaction();
		if (interaction.kind() != InteractionKind.ORDER_DELIVERED) {
			return;
		}
		try {
			settle(interaction);
		}
		catch (RuntimeException ex) {
			log.warn("Could not settle the referral of {} after delivery {}", interaction.organisationId(),
					interaction.eventId(), ex);
		}
	}

	/**
	 * Settles the referral {@code delivery}'s organisation is the company of, if any (see the class): answers it
	 * as earned, or {@code null} when there is none to settle.
	 */
	public Referral settle(Interaction delivery) {
		Organisation organisation = organisations.findById(delivery.organisationId()).orElse(null);
		if (organisation == null || organisation.createdAt() == null
				|| referrals.existsByReferredOrganisationId(organisation.id())) {
			return null;
		}
		Set<String> emails = organisation.contacts().stream().map(Contact::email).filter(Objects::nonNull)
			.map(e -> e.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
		if (emails.isEmpty()) {
			return null;
		}
		Referral referral = referrals.findByEmailInAndStateOrderByInvitedAtAsc(emails, ReferralState.INVITED).stream()
			.filter(r -> !r.organisationId().equals(organisation.id()))
			.filter(r -> organisation.createdAt().isAfter(r.invitedAt()))
			.findFirst().orElse(null);
		if (referral == null) {
			return null;
		}
		String orderNumber = delivery.attributes().getOrDefault("order_number", "").strip();
		LoyaltyRules current = rules.current();
		long bonus = current.referralBonus();
		Ledger.Posted posted = null;
		if (bonus > 0) {
			posted = ledger.post(LedgerEntry.draft("referral:" + referral.organisationId() + ":" + referral.id(),
					referral.organisationId(), LedgerEntryKind.EARNED, bonus, delivery.occurredAt(),
					"referral:" + referral.id(), null, referral.companyName(), null,
					current.expiryOf(delivery.occurredAt()), null), Ledger.Check.NONE);
			bonus = posted.entry().points();
		}
		Referral earned = mongo.findAndModify(
				Query.query(Criteria.where("_id").is(referral.id()).and("state").is(ReferralState.INVITED)),
				new Update().set("state", ReferralState.EARNED).set("referredOrganisationId", organisation.id())
					.set("orderNumber", orderNumber).set("points", bonus)
					.set("earnedAt", clock.instant().truncatedTo(ChronoUnit.MILLIS)),
				FindAndModifyOptions.options().returnNew(true), Referral.class);
		if (posted != null && posted.created()) {
			loyaltyTimeline.record(posted.entry(), bonus + " points earned: " + referral.companyName()
					+ ", invited by this customer, had its first order " + orderNumber + " delivered",
					"timeline.loyalty.referral", List.of(String.valueOf(bonus), referral.companyName(), orderNumber));
			audit.record("referral.earned", "referral", referral.id(), referral.organisationId(),
					Map.of("points", String.valueOf(bonus), "referred_organisation", organisation.id(), "order_number",
							orderNumber));
		}
		return earned != null ? earned : referrals.findById(referral.id()).orElse(null);
	}

	private void record(InteractionInput line) {
		try {
			timeline.recordOwn(line);
		}
		catch (RuntimeException ex) {
			log.warn("Could not put {} on the timeline", line.eventId(), ex);
		}
	}
}
