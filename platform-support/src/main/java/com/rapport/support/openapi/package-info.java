/**
 * The partner API's OpenAPI document, the same way in every service: only the operations a partner's scope
 * opens, the OAuth2 client-credentials scheme with each operation's scopes, every error answer as an RFC 9457
 * problem document, and examples from the service's {@code openapi/examples.json}.
 */
package com.rapport.support.openapi;
