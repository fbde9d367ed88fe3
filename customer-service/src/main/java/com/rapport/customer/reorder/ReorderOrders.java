package com.rapport.customer.reorder;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.rapport.customer.growth.GrowthService;
import com.rapport.customer.growth.Reorder;
import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.MyContactService;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.security.Caller;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * "Reorder as last time" for a customer's contacts: its organisation's predicted reorders, what a reminder's link
 * offers, and the draft order made from a link or from the portal's list — one per expected reorder
 * ({@code reorder:<organisation>:<sku>:<expected date>}), whichever way it is asked and however often. Customer
 * contacts alone, for their own organisation; a link of another organisation reads as invalid, like a forged one.
 */
@Service
public class ReorderOrders {

	private final GrowthService growth;

	private final ReorderLinks links;

	private final ReorderDraftRepository drafts;

	private final DraftOrders orders;

	private final MyContactService contacts;

	private final OrganisationRepository organisations;

	private final AuditTrail audit;

	private final Clock clock;

	ReorderOrders(GrowthService growth, ReorderLinks links, ReorderDraftRepository drafts, DraftOrders orders,
			MyContactService contacts, OrganisationRepository organisations, AuditTrail audit, Clock clock) {
		this.growth = growth;
		this.links = links;
		this.drafts = drafts;
		this.orders = orders;
		this.contacts = contacts;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	/** What a link is worth now. */
	public enum LinkState {
		VALID, USED, EXPIRED, INVALID, OUTDATED
	}

	/** A predicted reorder and the draft made for it ({@code null}: none yet). */
	public record Upcoming(Reorder reorder, String draftNumber) {
	}

	/** What a link offers; {@code reorder} is null for an invalid or expired link, {@code language} the mail's. */
	public record Link(LinkState state, Upcoming reorder, String language) {
	}

	/** What ordering as last time did: {@code created} only when this call made the draft. */
	public record Outcome(LinkState state, boolean created, String draftNumber, Upcoming reorder) {
	}

	/** The caller's organisation's predicted reorders, soonest first, each with its draft if one was made. */
	public List<Upcoming> myReorders(Caller caller) {
		String organisationId = ownOrganisation(caller);
		Map<String, ReorderDraft> made = drafts.findByOrganisationId(organisationId).stream()
			.collect(Collectors.toMap(ReorderDraft::key, Function.identity(), (a, b) -> a));
		return growth.reordersOf(organisationId).stream().map(r -> {
			ReorderDraft draft = made.get(GrowthService.reorderKey(organisationId, r));
			return new Upcoming(r, draft == null ? null : draft.draftNumber());
		}).toList();
	}

	/** What the link offers the caller, without doing anything. */
	public Link readLink(Caller caller, String token) {
		String organisationId = ownOrganisation(caller);
		ReorderLinks.Reading reading = links.read(token);
		ReorderLinks.Subject subject = subjectOf(reading);
		if (subject == null || !subject.organisationId().equals(organisationId)) {
			return new Link(LinkState.INVALID, null, "");
		}
		String language = organisations.findById(organisationId).flatMap(o -> o.contact(subject.contactId()))
			.map(Contact::language).orElse("");
		String key = "reorder:" + organisationId + ":" + subject.sku() + ":" + subject.expectedOn();
		Optional<Reorder> current = growth.reordersOf(organisationId).stream()
			.filter(r -> r.sku().equals(subject.sku())).findFirst();
		Optional<ReorderDraft> draft = drafts.findById(key);
		if (draft.isPresent()) {
			return new Link(LinkState.USED, new Upcoming(current.orElse(null), draft.get().draftNumber()), language);
		}
		if (reading instanceof ReorderLinks.Expired) {
			return new Link(LinkState.EXPIRED, null, language);
		}
		if (current.isEmpty() || !current.get().expectedOn().equals(subject.expectedOn())) {
			return new Link(LinkState.OUTDATED, current.map(r -> new Upcoming(r, null)).orElse(null), language);
		}
		return new Link(LinkState.VALID, new Upcoming(current.get(), null), language);
	}

	private static ReorderLinks.Subject subjectOf(ReorderLinks.Reading reading) {
		if (reading instanceof ReorderLinks.Valid valid) {
			return valid.subject();
		}
		if (reading instanceof ReorderLinks.Expired expired) {
			return expired.subject();
		}
		return null;
	}

	/** Orders as last time from a reminder's link: only a valid one makes a draft. */
	public Outcome orderFromLink(Caller caller, String token) {
		Link link = readLink(caller, token);
		if (link.state() != LinkState.VALID) {
			return new Outcome(link.state(), false, link.reorder() == null ? null : link.reorder().draftNumber(),
					link.reorder());
		}
		return order(caller, ownOrganisation(caller), link.reorder().reorder());
	}

	/** Orders as last time one of the caller's organisation's predicted reorders, by its SKU. */
	public Outcome orderBySku(Caller caller, String sku) {
		String organisationId = ownOrganisation(caller);
		Reorder reorder = growth.reordersOf(organisationId).stream()
			.filter(r -> sku != null && r.sku().equals(sku.strip())).findFirst()
			.orElseThrow(() -> new NotFoundException(Message.of("reorder.not-found", String.valueOf(sku))));
		return order(caller, organisationId, reorder);
	}

	private Outcome order(Caller caller, String organisationId, Reorder reorder) {
		String key = GrowthService.reorderKey(organisationId, reorder);
		Optional<ReorderDraft> earlier = drafts.findById(key);
		if (earlier.isPresent()) {
			return new Outcome(LinkState.USED, false, earlier.get().draftNumber(),
					new Upcoming(reorder, earlier.get().draftNumber()));
		}
		Contact contact = contacts.myContact(caller);
		DraftOrders.Made made = orders.create(organisationId, key, reorder.sku(), reorder.description(),
				reorder.lastQuantity(), contact.name());
		try {
			drafts.insert(new ReorderDraft(key, organisationId, reorder.sku(), reorder.expectedOn(),
					made.draftNumber(), contact.id(), clock.instant().truncatedTo(ChronoUnit.MILLIS)));
		}
		catch (DuplicateKeyException ex) {
			// Two clicks at once: order-tracking-service made one draft for both (the same request id).
			return new Outcome(LinkState.USED, false, made.draftNumber(), new Upcoming(reorder, made.draftNumber()));
		}
		if (made.created()) {
			audit.record(caller, "reorder.drafted", "organisation", organisationId, organisationId,
					Map.of("sku", reorder.sku(), "draft", made.draftNumber(), "quantity",
							Integer.toString(reorder.lastQuantity())));
		}
		return new Outcome(made.created() ? LinkState.VALID : LinkState.USED, made.created(), made.draftNumber(),
				new Upcoming(reorder, made.draftNumber()));
	}

	private static String ownOrganisation(Caller caller) {
		if (!caller.isCustomer() || caller.customerId().isEmpty()) {
			throw new AccessDeniedException("Reorders as last time are the customer's contacts' own");
		}
		return caller.customerId().get();
	}
}
