package com.rapport.ticket.mail;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The support mailbox's settings; {@link MailPoller} and {@link CustomerMailOutbox} run on the service's schedule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SupportMailProperties.class)
class MailConfiguration {
}
