/**
 * Incident notices: staff select the orders an incident touches (by SKU, by the time placed, by number), write
 * the cause and the corrective action once, and every affected organisation hears of it once, by mail to its
 * contacts (the notification feature's delivery log) and on its timeline.
 */
package com.rapport.ordertracking.incident;
