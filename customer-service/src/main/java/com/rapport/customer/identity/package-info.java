/**
 * Contacts' portal logins in Keycloak: invitations, disabling a removed contact's login, and the feed of
 * failed logins for the audit trail.
 */
package com.rapport.customer.identity;
