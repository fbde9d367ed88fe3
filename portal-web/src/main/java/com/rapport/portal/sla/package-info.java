/**
 * The console's SLA settings: the policies (tier x priority: first response, next reply, resolution, in working
 * time of a calendar) and the business calendars (working hours per weekday, a time zone, public holidays with
 * Chinese and English names). Staff read them; managers and admins change them; ticket-service validates and audits.
 */
package com.rapport.portal.sla;
