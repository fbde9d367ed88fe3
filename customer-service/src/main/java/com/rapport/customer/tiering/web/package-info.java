/** The managers' REST route to override an organisation's tier. */
package com.rapport.customer.tiering.web;
