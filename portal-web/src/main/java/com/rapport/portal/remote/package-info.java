/** gRPC clients of the services, each call made with the signed-in user's own token. */
package com.rapport.portal.remote;
