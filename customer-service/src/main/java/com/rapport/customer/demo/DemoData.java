package com.rapport.customer.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The organisations of the demo: their ids match the {@code customer_id} attribute of the demo users in
 * {@code keycloak/rapport-realm.json}. Loaded only into an empty store, so it never overwrites real data.
 */
@Component
@ConditionalOnBooleanProperty("rapport.demo-data")
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final List<Organisation> ORGANISATIONS = List.of(
			Organisation.create("acme-retail", "Acme Retail", "Retail", "CN",
					new Contact("Alice Chen", "Purchasing manager", "alice.chen@acme-retail.example", "+86 21 5555 0101",
							"zh-CN", "Asia/Shanghai", "acme.buyer"),
					new Contact("Bo Zhang", "Warehouse lead", "bo.zhang@acme-retail.example", "+86 21 5555 0102", "zh-CN",
							"Asia/Shanghai", null)),
			Organisation.create("globex-trading", "Globex Trading", "Wholesale", "SG",
					new Contact("Gavin Wu", "Procurement director", "gavin.wu@globex.example", "+65 6555 0199", "en",
							"Asia/Singapore", "globex.buyer")),
			Organisation.create("initech-logistics", "Initech Logistics", "Logistics", "DE",
					new Contact("Petra Vogel", "Head of operations", "petra.vogel@initech.example", "+49 30 5555 0142",
							"en", "Europe/Berlin", null)));

	private final OrganisationRepository organisations;

	DemoData(OrganisationRepository organisations) {
		this.organisations = organisations;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (organisations.count() > 0) {
			return;
		}
		organisations.saveAll(ORGANISATIONS);
		log.info("Loaded {} demo organisations with their contacts into the empty store",
				ORGANISATIONS.size());
	}
}
