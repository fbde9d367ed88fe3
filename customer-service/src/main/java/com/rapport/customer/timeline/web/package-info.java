/** The staff's REST read of an organisation's timeline ({@code /api/customers/v1/organisations/{id}/timeline}). */
package com.rapport.customer.timeline.web;
