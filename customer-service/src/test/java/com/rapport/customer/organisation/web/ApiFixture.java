package com.rapport.customer.organisation.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.List;

import com.rapport.customer.MongoConfiguration;
import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.LifecycleStage;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.ContactService;
import com.rapport.customer.organisation.OrganisationBatchImport;
import com.rapport.customer.organisation.OrganisationService;
import com.rapport.customer.organisation.OrganisationStatus;
import com.rapport.customer.organisation.PreferredChannel;
import com.rapport.customer.organisation.SizeBand;
import com.rapport.customer.organisation.Tier;
import com.rapport.support.audit.AuditTrailAutoConfiguration;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.AutoConfigureDataMongo;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The REST slice over the real service and the embedded store (in memory), so that what a call changed is
 * what the next call reads. Two tenants: Acme (contact Alice, a portal login) and Globex (contact Gavin).
 */
final class ApiFixture {

	static final String ALICE_ID = "alice-1";

	static final String GAVIN_ID = "gavin-1";

	private ApiFixture() {
	}

	static void reset(OrganisationRepository organisations) {
		organisations.deleteAll();
		organisations.save(new Organisation("acme-retail", "Acme Retail", "Retail", SizeBand.LARGE, "CN", "East China",
				List.of("strategic"), "agent.li", OrganisationStatus.ACTIVE, "CRM-0001", Tier.NORMAL,
				LifecycleStage.PROSPECT, null, null,
				List.of(new Contact(ALICE_ID, "Alice Chen", "Buyer", "alice.chen@acme-retail.example", "+86 21 5555 0101",
						"zh-CN", "Asia/Shanghai", LocalDate.of(1986, 4, 12), PreferredChannel.PORTAL, true, true,
						"CRM-0001-C1", "acme.buyer")),
				null, null, null, null, null));
		organisations.save(Organisation.create("globex-trading", "Globex Trading", "Wholesale", "SG",
				new Contact(GAVIN_ID, "Gavin Wu", "Director", "gavin.wu@globex.example", "+65 6555 0199", "en",
						"Asia/Singapore", null, null, false, false, null, "globex.buyer")));
	}

	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@WebMvcTest({ OrganisationController.class, ContactController.class, OrganisationBatchController.class })
	@AutoConfigureDataMongo
	@Import({ OrganisationService.class, ContactService.class, OrganisationBatchImport.class, MongoConfiguration.class })
	@ImportAutoConfiguration({ ResourceServerSecurityAutoConfiguration.class, EmbeddedMongoAutoConfiguration.class,
			AuditTrailAutoConfiguration.class })
	@TestPropertySource(properties = "rapport.mongodb.embedded.in-memory=true")
	@interface ApiTest {
	}
}
