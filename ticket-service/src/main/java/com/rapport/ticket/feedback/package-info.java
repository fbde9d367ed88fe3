/** What this service tells feedback-service (a resolved ticket's survey is due), over gRPC. */
package com.rapport.ticket.feedback;
