/** Mails a service owes its contacts, kept in a delivery log and sent with claims, retries and backoff. */
package com.rapport.support.delivery;
