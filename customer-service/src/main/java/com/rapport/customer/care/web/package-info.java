/** The staff's REST routes of customer care: open care tasks (read-only) and the holiday calendar. */
package com.rapport.customer.care.web;
