package com.rapport.customer;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.config.EnableMongoAuditing;

/** Fills {@code @CreatedDate} and {@code @LastModifiedDate}; apart from the application class so web slices load without a store. */
@Configuration(proxyBeanMethods = false)
@EnableMongoAuditing
public class MongoAuditingConfiguration {
}
