/**
 * The partner API reference for people: Swagger UI (from its webjar) over the services' OpenAPI documents, public
 * and read-only, under the site's own Content-Security-Policy.
 */
package com.rapport.gateway.apidocs;
