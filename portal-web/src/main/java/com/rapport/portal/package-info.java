/** The customer portal and the staff console, rendered on the server; data comes from the services over gRPC. */
package com.rapport.portal;
