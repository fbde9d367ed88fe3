/** The console's page of an incident notice's deliveries: each organisation, each mail's state, and resend. */
package com.rapport.portal.delivery;
