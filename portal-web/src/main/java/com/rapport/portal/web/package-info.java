/** Web plumbing shared by portal and console: security, locale, time zone, error pages. */
package com.rapport.portal.web;
