/** Who gets through the gateway: a session for browsers (OIDC code flow with PKCE), a JWT for partners. */
package com.rapport.gateway.security;
