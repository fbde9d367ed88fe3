/** Customer organisations: the tenants of the portal and the heart of the single customer view. */
package com.rapport.customer.organisation;
