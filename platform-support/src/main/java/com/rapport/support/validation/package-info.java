/** Field rules every service applies to what people and partners write, such as text without control characters. */
package com.rapport.support.validation;
