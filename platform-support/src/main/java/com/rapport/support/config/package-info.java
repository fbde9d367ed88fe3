/** The platform's configuration defaults, which every service's own {@code application.yml} builds on. */
package com.rapport.support.config;
