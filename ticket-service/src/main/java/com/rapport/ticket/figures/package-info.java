/**
 * The ticket figures of the console's KPI dashboard and the portal's scorecard (issue 10): first response, handling
 * time, first-contact resolution and SLA kept of the tickets resolved month by month, and the backlog now.
 */
package com.rapport.ticket.figures;
