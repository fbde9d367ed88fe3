/** The partner and staff REST API of organisations, {@code /api/customers/v1}. */
package com.rapport.customer.organisation.web;
