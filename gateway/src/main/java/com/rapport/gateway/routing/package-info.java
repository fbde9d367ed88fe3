/** What the gateway answers itself when a route's service cannot: a clear 503, never a bare 500. */
package com.rapport.gateway.routing;
