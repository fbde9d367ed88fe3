/** The embedded MongoDB-wire default: with no {@code MONGODB_URI} a service runs its own store under {@code data/<service>/}. */
package com.rapport.support.mongo;
