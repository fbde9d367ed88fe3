package com.rapport.customer.organisation;

import java.util.List;

import com.rapport.support.error.NotFoundException;
import com.rapport.support.security.Caller;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Reads organisations for a caller. A customer contact reaches only its own organisation; another one's id
 * answers exactly like an unknown id, so ids cannot be probed.
 */
@Service
public class OrganisationService {

	static final int DEFAULT_PAGE_SIZE = 50;

	static final int MAX_PAGE_SIZE = 200;

	private final OrganisationRepository organisations;

	public OrganisationService(OrganisationRepository organisations) {
		this.organisations = organisations;
	}

	public Organisation get(Caller caller, String id) {
		if (id == null || id.isBlank() || !caller.canSeeCustomer(id)) {
			throw notFound(id);
		}
		return organisations.findById(id).orElseThrow(() -> notFound(id));
	}

	public Page<Organisation> list(Caller caller, int page, int size) {
		PageRequest request = PageRequest.of(Math.max(page, 0), size <= 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE));
		if (caller.seesAllCustomers()) {
			return organisations.findAllByOrderByNameAsc(request);
		}
		List<Organisation> own = caller.customerId().flatMap(organisations::findById).stream().toList();
		return new PageImpl<>(request.getPageNumber() == 0 ? own : List.of(), request, own.size());
	}

	private static NotFoundException notFound(String id) {
		return new NotFoundException("No organisation " + id);
	}
}
