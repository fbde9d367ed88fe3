/** Changes to a service's stored data made once, at a start, and remembered in its {@code migrations} collection. */
package com.rapport.support.migration;
