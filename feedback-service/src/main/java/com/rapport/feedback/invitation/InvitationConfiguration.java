package com.rapport.feedback.invitation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The invitations' settings, the NPS schedule's and the sender's schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ InvitationProperties.class, NpsProperties.class })
class InvitationConfiguration {
}
