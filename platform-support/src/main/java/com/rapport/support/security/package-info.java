/** Who is calling: Keycloak JWTs turned into roles, scopes and the caller's organisation, on REST and gRPC alike. */
package com.rapport.support.security;
