/** The public survey pages a contact reaches from an invitation mail's link, without a login. */
package com.rapport.portal.survey;
