/** Platform plumbing shared by every Rapport service: never domain classes, only cross-cutting configuration. */
package com.rapport.support;
