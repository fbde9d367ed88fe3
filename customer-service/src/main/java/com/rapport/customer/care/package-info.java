/** Customer care: tasks for account managers, such as the wake-up call owed to an organisation gone dormant. */
package com.rapport.customer.care;
