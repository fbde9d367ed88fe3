/**
 * Identity's HTTP adapters: the partner REST route that removes a contact, and the client of Keycloak's admin API.
 */
package com.rapport.customer.identity.web;
