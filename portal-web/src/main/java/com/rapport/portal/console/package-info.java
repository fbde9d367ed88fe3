/** What supplier staff see: the console. */
package com.rapport.portal.console;
