package com.rapport.portal.live;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * When a portal page was made (epoch milliseconds), for its live connection's first request: what changed since
 * then is replayed, so nothing between the page's making and the connection is missed.
 */
@ControllerAdvice(basePackages = "com.rapport.portal.portal")
class LivePageAdvice {

	@ModelAttribute("liveSince")
	long liveSince() {
		return System.currentTimeMillis();
	}
}
