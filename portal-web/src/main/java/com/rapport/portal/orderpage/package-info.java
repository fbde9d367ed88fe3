/** The console's page of one order: its progress, delay, the delay form and its notification log with resend. */
package com.rapport.portal.orderpage;
