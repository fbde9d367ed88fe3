package com.rapport.customer.demo;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.LifecycleStage;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.OrganisationStatus;
import com.rapport.customer.organisation.PreferredChannel;
import com.rapport.customer.organisation.SizeBand;
import com.rapport.customer.organisation.Tier;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The organisations of the demo: their ids match the {@code customer_id} attribute of the demo users in
 * {@code keycloak/rapport-realm.json}, their account managers the demo staff. Loaded only into an empty
 * store, so it never overwrites real data.
 */
@Component
@ConditionalOnBooleanProperty("rapport.demo-data")
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final List<Organisation> ORGANISATIONS = List.of(
			organisation("acme-retail", "Acme Retail", "Retail", SizeBand.LARGE, "CN", "East China",
					List.of("strategic", "apparel"), "agent.li", "CRM-0001",
					new Contact("3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b1001", "Alice Chen", "Purchasing manager",
							"alice.chen@acme-retail.example", "+86 21 5555 0101", "zh-CN", "Asia/Shanghai",
							LocalDate.of(1986, 4, 12), PreferredChannel.PORTAL, true, true, "CRM-0001-C1",
							"acme.buyer"),
					new Contact("3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b1002", "Bo Zhang", "Warehouse lead",
							"bo.zhang@acme-retail.example", "+86 21 5555 0102", "zh-CN", "Asia/Shanghai",
							LocalDate.of(1990, 11, 3), PreferredChannel.SMS, false, true, "CRM-0001-C2", null)),
			organisation("globex-trading", "Globex Trading", "Wholesale", SizeBand.MEDIUM, "SG", "Southeast Asia",
					List.of("distributor"), "agent.li", "CRM-0002",
					new Contact("3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b2001", "Gavin Wu", "Procurement director",
							"gavin.wu@globex.example", "+65 6555 0199", "en", "Asia/Singapore",
							LocalDate.of(1979, 2, 28), PreferredChannel.EMAIL, true, true, "CRM-0002-C1",
							"globex.buyer")),
			organisation("initech-logistics", "Initech Logistics", "Logistics", SizeBand.SMALL, "DE", "Berlin",
					List.of(), "manager.wang", null,
					new Contact("3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b3001", "Petra Vogel", "Head of operations",
							"petra.vogel@initech.example", "+49 30 5555 0142", "en", "Europe/Berlin",
							null, PreferredChannel.EMAIL, false, false, null, null)),
			// The next three, with the orders order-tracking-service's demo places, show every tier and stage:
			// dormant (a wake-up call for agent.li), churned and a prospect without any order.
			organisation("stark-components", "Stark Components", "Electronics", SizeBand.MEDIUM, "CN", "South China",
					List.of("components"), "agent.li", null,
					new Contact("3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b4001", "Lei Zhou", "Purchasing lead",
							"lei.zhou@stark-components.example", "+86 755 5555 0177", "zh-CN", "Asia/Shanghai",
							null, PreferredChannel.EMAIL, false, true, null, null)),
			organisation("wayne-hardware", "Wayne Hardware", "Hardware", SizeBand.SMALL, "US", "New Jersey",
					List.of(), "manager.wang", null,
					new Contact("3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b5001", "Diana Prince", "Operations manager",
							"diana.prince@wayne-hardware.example", "+1 201 555 0123", "en", "America/New_York",
							null, PreferredChannel.EMAIL, false, false, null, null)),
			organisation("umbrella-supplies", "Umbrella Supplies", "Medical supplies", SizeBand.SMALL, "GB", "London",
					List.of("prospect"), "agent.li", null,
					new Contact("3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b6001", "Oliver Hughes", "Buyer",
							"oliver.hughes@umbrella-supplies.example", "+44 20 5555 0160", "en", "Europe/London",
							null, PreferredChannel.EMAIL, true, true, null, null)));

	private final OrganisationRepository organisations;

	DemoData(OrganisationRepository organisations) {
		this.organisations = organisations;
	}

	private static Organisation organisation(String id, String name, String industry, SizeBand size, String country,
			String region, List<String> tags, String accountManager, String externalId, Contact... contacts) {
		return new Organisation(id, name, industry, size, country, region, tags, accountManager,
				OrganisationStatus.ACTIVE, externalId, Tier.NORMAL, LifecycleStage.PROSPECT, null, null,
				List.of(contacts), null, null, null, null);
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
