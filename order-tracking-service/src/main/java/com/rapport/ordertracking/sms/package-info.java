/** SMS notifications through a configurable HTTP provider, with their own delivery log, retries and choices. */
package com.rapport.ordertracking.sms;
