package com.rapport.ticket.mail;

import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

import org.springframework.stereotype.Component;

/**
 * The support mailbox over IMAP ({@link SupportMailProperties}): each round connects, hands the unseen mails
 * (oldest first, at most {@code batch}) to the caller and flags each one it handled \Seen. Bodies are fetched with
 * PEEK, so reading a mail does not flag it: a poller that dies before handling it finds it unseen again.
 */
@Component
class SupportMailbox {

	/** What to do with one unseen mail; answers whether it was handled (then flagged \Seen) or the round stops. */
	@FunctionalInterface
	interface Visitor {

		boolean visit(MimeMessage mail, long uid);
	}

	private final SupportMailProperties properties;

	SupportMailbox(SupportMailProperties properties) {
		this.properties = properties;
	}

	/** One round over the unseen mails; answers how many were handled. */
	int visitUnseen(Visitor visitor) throws MessagingException {
		String protocol = properties.protocol();
		Properties settings = new Properties();
		settings.put("mail.store.protocol", protocol);
		settings.put("mail." + protocol + ".peek", "true");
		// A silent server must fail the round, not stall the poller.
		settings.put("mail." + protocol + ".connectiontimeout", "5000");
		settings.put("mail." + protocol + ".timeout", "20000");
		settings.put("mail." + protocol + ".writetimeout", "20000");
		Session session = Session.getInstance(settings);
		try (Store store = session.getStore(protocol)) {
			store.connect(properties.host(), properties.port(), properties.username(), properties.password());
			Folder folder = store.getFolder(properties.folder());
			folder.open(Folder.READ_WRITE);
			try {
				Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
				int handled = 0;
				for (int i = 0; i < unseen.length && handled < properties.batch(); i++) {
					MimeMessage mail = (MimeMessage) unseen[i];
					long uid = folder instanceof UIDFolder uids ? uids.getUID(mail) : mail.getMessageNumber();
					if (!visitor.visit(mail, uid)) {
						break;
					}
					mail.setFlag(Flags.Flag.SEEN, true);
					handled++;
				}
				return handled;
			}
			finally {
				folder.close(false);
			}
		}
	}
}
