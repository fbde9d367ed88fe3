/**
 * How the gateway says no: every error it answers itself (and every request too malformed to route) is an
 * RFC 9457 problem document with a {@code code} on {@code /api/**} and a short page in the reader's language
 * elsewhere.
 */
package com.rapport.gateway.error;
