package com.rapport.customer.identity;

import java.util.List;
import java.util.Optional;

import com.rapport.support.privacy.DataSubject;
import com.rapport.support.privacy.Erasure;
import com.rapport.support.privacy.PersonalDataHolder;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The contact's portal login in Keycloak. Erasing deletes the Keycloak user (removing a contact only
 * disables it). Only a login whose {@code customer_id} is the subject's organisation is touched, so that a
 * contact mistakenly linked to a staff member's login never erases that login.
 */
@Component
@Order(5)
class LoginPersonalData implements PersonalDataHolder {

	private final KeycloakAdmin keycloak;

	LoginPersonalData(KeycloakAdmin keycloak) {
		this.keycloak = keycloak;
	}

	@Override
	public String kind() {
		return "logins";
	}

	@Override
	public List<?> export(DataSubject subject) {
		return login(subject).map(List::of).orElse(List.of());
	}

	@Override
	public Erasure erase(DataSubject subject) {
		return login(subject).map(user -> {
			keycloak.deleteUser(user.id());
			return new Erasure(1, 0);
		}).orElse(Erasure.NOTHING);
	}

	private Optional<KeycloakAdmin.KeycloakUser> login(DataSubject subject) {
		if (!subject.hasUsername()) {
			return Optional.empty();
		}
		return keycloak.findUserByUsername(subject.username())
			.filter(user -> subject.organisationId().equals(user.customerId()));
	}
}
