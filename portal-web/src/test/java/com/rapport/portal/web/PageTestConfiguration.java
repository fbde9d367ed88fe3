package com.rapport.portal.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** What page templates need beyond a {@code @WebMvcTest} slice: the {@code @fmt} helper and its settings. */
@TestConfiguration(proxyBeanMethods = false)
@Import(Formats.class)
@EnableConfigurationProperties(PortalProperties.class)
public class PageTestConfiguration {
}
