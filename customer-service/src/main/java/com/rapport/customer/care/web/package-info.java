/** The staff's REST read of open care tasks. */
package com.rapport.customer.care.web;
