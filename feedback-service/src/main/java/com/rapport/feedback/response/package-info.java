/** Survey answers (CSAT, NPS, CES) as contacts give them, validated and stored once each, and told to the timeline. */
package com.rapport.feedback.response;
