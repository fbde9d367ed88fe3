/** The customer portal's home page under many signed-in contacts at once. */
package com.rapport.benchmarks.portal;
