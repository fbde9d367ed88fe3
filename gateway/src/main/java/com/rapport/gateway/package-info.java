/** The only public entry of Rapport: browser sessions with Keycloak, partner bearer tokens, routing. */
package com.rapport.gateway;
