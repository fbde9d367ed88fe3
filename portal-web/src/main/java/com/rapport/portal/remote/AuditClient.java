package com.rapport.portal.remote;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rapport.contracts.audit.v1.AuditEntry;
import com.rapport.contracts.audit.v1.AuditTrailGrpc;
import com.rapport.contracts.audit.v1.AuditTrailGrpc.AuditTrailBlockingStub;
import com.rapport.contracts.audit.v1.ListAuditEntriesRequest;
import com.rapport.contracts.audit.v1.VerifyAuditTrailRequest;
import com.rapport.contracts.audit.v1.VerifyAuditTrailResponse;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * The audit trails of every service that keeps one, asked with the admin's own token. Each service keeps
 * its own chain; this joins their entries newest first and reports each chain's verification apart.
 */
@Component
public class AuditClient {

	public static final List<String> SERVICES = List.of(CustomerClient.REMOTE, "order-tracking-service",
			"ticket-service", "feedback-service");

	private final Map<String, AuditTrailBlockingStub> stubs = new LinkedHashMap<>();

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	AuditClient(GrpcChannelFactory channels, RemoteCalls remoteCalls, CallTokens tokens) {
		SERVICES.forEach(service -> stubs.put(service, AuditTrailGrpc.newBlockingStub(channels.createChannel(service))));
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/** An entry with the service whose trail holds it. */
	public record Entry(String service, AuditEntry entry) {
	}

	/**
	 * The newest {@code limit} entries matching {@code filter} across {@code services}, newest first, and
	 * the services that could not be asked (their entries are missing, and the page says so).
	 */
	public record Page(List<Entry> entries, List<String> unavailable, boolean more) {
	}

	public Page entries(List<String> services, ListAuditEntriesRequest filter, int limit) {
		List<Entry> entries = new ArrayList<>();
		List<String> unavailable = new ArrayList<>();
		boolean more = false;
		ListAuditEntriesRequest request = filter.toBuilder().setPageSize(limit).clearPageToken().build();
		for (String service : services) {
			try {
				var answer = remoteCalls.read(service, () -> stubs.get(service)
					.withCallCredentials(tokens.forCurrentCaller()).listAuditEntries(request));
				answer.getEntriesList().forEach(entry -> entries.add(new Entry(service, entry)));
				more |= !answer.getNextPageToken().isEmpty();
			}
			catch (RemoteUnavailableException ex) {
				unavailable.add(service);
			}
		}
		entries.sort(Comparator.comparing((Entry e) -> e.entry().getAt().getSeconds())
			.thenComparing(e -> e.entry().getAt().getNanos()).reversed());
		more |= entries.size() > limit;
		return new Page(entries.size() > limit ? List.copyOf(entries.subList(0, limit)) : List.copyOf(entries),
				unavailable, more);
	}

	/** One service's chain check; null when that service cannot be reached. */
	public VerifyAuditTrailResponse verify(String service) {
		try {
			return remoteCalls.read(service, () -> stubs.get(service).withCallCredentials(tokens.forCurrentCaller())
				.verifyAuditTrail(VerifyAuditTrailRequest.getDefaultInstance()));
		}
		catch (RemoteUnavailableException ex) {
			return null;
		}
	}
}
