/** Leases in MongoDB, so that scheduled work runs on one replica at a time. */
package com.rapport.support.lease;
