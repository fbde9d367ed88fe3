/**
 * The quarterly business review of one customer organisation (issue 10): a printable console page and its PDF, made
 * of what order-tracking-service, ticket-service and feedback-service say of that organisation's quarter.
 */
package com.rapport.portal.qbr;
