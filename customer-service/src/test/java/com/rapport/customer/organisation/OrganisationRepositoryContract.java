package com.rapport.customer.organisation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** What the service relies on from its store; run against the embedded server and a real MongoDB. */
abstract class OrganisationRepositoryContract {

	@Autowired
	OrganisationRepository organisations;

	@BeforeEach
	void empty() {
		organisations.deleteAll();
	}

	@Test
	void savedOrganisationIsReadBackWithItsAuditDates() {
		organisations.save(Organisation.create("acme-retail", "Acme Retail", "Retail", "CN", new Contact("Alice Chen",
				"Buyer", "alice@acme.example", "+86 21 5555 0101", "zh-CN", "Asia/Shanghai", "acme.buyer")));
		Organisation read = organisations.findById("acme-retail").orElseThrow();
		assertThat(read.contacts()).singleElement().satisfies(contact -> {
			assertThat(contact.name()).isEqualTo("Alice Chen");
			assertThat(contact.timeZone()).isEqualTo("Asia/Shanghai");
			assertThat(contact.username()).isEqualTo("acme.buyer");
		});
		assertThat(read.name()).isEqualTo("Acme Retail");
		assertThat(read.tier()).isEqualTo(Tier.NORMAL);
		assertThat(read.lifecycleStage()).isEqualTo(LifecycleStage.PROSPECT);
		assertThat(read.createdAt()).isNotNull();
		assertThat(read.version()).isZero();
	}

	@Test
	void organisationsArePagedByName() {
		organisations.save(Organisation.create("c", "Cyberdyne", null, "US"));
		organisations.save(Organisation.create("a", "Acme Retail", null, "CN"));
		organisations.save(Organisation.create("b", "Globex Trading", null, "SG"));
		var first = organisations.findAllByOrderByNameAsc(PageRequest.of(0, 2));
		assertThat(first.getContent()).extracting(Organisation::name).containsExactly("Acme Retail", "Cyberdyne");
		assertThat(first.getTotalElements()).isEqualTo(3);
		assertThat(organisations.findAllByOrderByNameAsc(PageRequest.of(1, 2)).getContent())
			.extracting(Organisation::name).containsExactly("Globex Trading");
	}

	@Test
	void aStaleUpdateIsRejected() {
		Organisation saved = organisations.save(Organisation.create("acme-retail", "Acme Retail", "Retail", "CN"));
		organisations.save(saved);
		assertThat(org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> organisations.save(saved)))
			.isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
	}
}
