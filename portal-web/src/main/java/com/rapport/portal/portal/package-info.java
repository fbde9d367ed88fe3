/** What customer contacts see: their organisation's orders and milestones. */
package com.rapport.portal.portal;
