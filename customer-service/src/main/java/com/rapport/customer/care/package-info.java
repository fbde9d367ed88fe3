/** Customer care: wake-up calls for account managers, and birthday and holiday greetings to consenting contacts. */
package com.rapport.customer.care;
