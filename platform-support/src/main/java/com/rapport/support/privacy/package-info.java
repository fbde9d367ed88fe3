/** The data subject's rights: each service exports and erases what it holds about one person. */
package com.rapport.support.privacy;
