/** How many organisations are active, dormant or churned now, and the retention: the dashboard's and the QBR's. */
package com.rapport.customer.figures;
