package com.rapport.customer.care;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The greeting settings ({@code rapport.care.greetings.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GreetingProperties.class)
class GreetingConfiguration {
}
