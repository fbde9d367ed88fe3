package com.rapport.portal.portal;

import java.util.Locale;

import com.rapport.contracts.ordertracking.v1.InboxItem;
import com.rapport.contracts.ordertracking.v1.ListMyInboxResponse;
import com.rapport.portal.remote.InboxClient;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The contact's portal inbox ({@code /portal/inbox}, "Inbox" with the unread count in the header): every order
 * notification order-tracking-service made for the contact, newest first, twenty a page, each marked read on its
 * own or all at once. order-tracking-service decides whose inbox it is (the caller's, from its token); another
 * contact's item is not found, like an unknown one.
 */
@Controller
@PreAuthorize("hasRole('customer')")
class InboxController {

	static final int PAGE_SIZE = 20;

	private final InboxClient inbox;

	private final MessageSource messages;

	InboxController(InboxClient inbox, MessageSource messages) {
		this.inbox = inbox;
		this.messages = messages;
	}

	/** One item as the page shows it: its headline in the reader's language, and the detail as written. */
	record Row(InboxItem item, String headline, String detail) {
	}

	@GetMapping("/portal/inbox")
	String inbox(@RequestParam(defaultValue = "0") String page, @RequestParam(required = false) String marked,
			Model model) {
		int number = pageNumber(page);
		ListMyInboxResponse answer = inbox.page(number, PAGE_SIZE);
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("rows", answer.getItemsList().stream().map(item -> row(item, locale)).toList());
		model.addAttribute("page", number);
		model.addAttribute("total", answer.getTotal());
		model.addAttribute("unread", answer.getUnread());
		model.addAttribute("hasPrevious", number > 0);
		model.addAttribute("hasNext", (long) (number + 1) * PAGE_SIZE < answer.getTotal());
		model.addAttribute("marked", count(marked));
		// The page's own count is fresher than the header's, taken before it.
		model.addAttribute("unreadCount", answer.getUnread());
		return "portal/inbox";
	}

	@PostMapping("/portal/inbox/{itemId}/read")
	String markRead(@PathVariable String itemId, @RequestParam(defaultValue = "0") String page) {
		inbox.markRead(itemId);
		return "redirect:/portal/inbox?page=" + pageNumber(page);
	}

	@PostMapping("/portal/inbox/read")
	String markAllRead() {
		return "redirect:/portal/inbox?marked=" + inbox.markAllRead();
	}

	/** A page number as typed in the address bar: anything that is not one is the first page. */
	static int pageNumber(String page) {
		try {
			return Math.max(0, Math.min(Integer.parseInt(page.trim()), 100_000));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/** How many were marked, as a number for the sentence's plural; an edited address shows no notice. */
	private static Long count(String marked) {
		try {
			return marked == null || Long.parseLong(marked.trim()) < 0 ? null : Long.parseLong(marked.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private Row row(InboxItem item, Locale locale) {
		var facts = item.getFactsMap();
		String number = item.getOrderNumber();
		return switch (item.getKind()) {
			case "MILESTONE_REACHED" -> new Row(item, say(locale, "inbox.item.milestone", number,
					say(locale, "milestone.MILESTONE_CODE_" + facts.getOrDefault("code", "UNSPECIFIED"))),
					facts.getOrDefault("note", facts.getOrDefault("place", "")));
			case "PROMISE_CHANGED" -> new Row(item, say(locale, "inbox.item.promise", number,
					facts.getOrDefault("promised_date", "")), facts.getOrDefault("reason", ""));
			case "ETA_CHANGED" -> new Row(item, say(locale, "inbox.item.eta", number, facts.getOrDefault("eta", "")),
					"");
			case "ORDER_DELAYED" -> new Row(item, say(locale, "inbox.item.delayed", number),
					facts.getOrDefault("reason", ""));
			case "ORDER_AT_RISK" -> new Row(item, say(locale, "inbox.item.at-risk", number), "");
			case "ORDER_CANCELLED" -> new Row(item, say(locale, "inbox.item.cancelled", number),
					facts.getOrDefault("reason", ""));
			case "INCIDENT_NOTICE" -> new Row(item, say(locale, "inbox.item.incident",
					facts.getOrDefault("order_count", "")), facts.getOrDefault("cause", ""));
			default -> new Row(item, say(locale, "inbox.item.other", number), "");
		};
	}

	private String say(Locale locale, String code, Object... arguments) {
		return messages.getMessage(code, arguments, code, locale);
	}
}
