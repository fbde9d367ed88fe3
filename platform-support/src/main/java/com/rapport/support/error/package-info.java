/** Exceptions the domain throws; they know nothing of HTTP or gRPC, the adapters translate them. */
package com.rapport.support.error;
