/** RFC 9457 problem documents for every REST error, security failures included. */
package com.rapport.support.web;
