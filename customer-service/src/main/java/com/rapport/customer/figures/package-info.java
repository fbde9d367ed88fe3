/**
 * How many organisations are active, dormant or churned now, by segment, and the changes and retention month by month:
 * the dashboard's and the QBR's.
 */
package com.rapport.customer.figures;
