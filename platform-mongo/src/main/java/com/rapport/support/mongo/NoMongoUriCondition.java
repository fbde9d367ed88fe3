package com.rapport.support.mongo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when neither {@code spring.mongodb.uri} nor {@code MONGODB_URI} names a real MongoDB. */
class NoMongoUriCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		var environment = context.getEnvironment();
		return !StringUtils.hasText(environment.getProperty(MongoUriEnvironmentPostProcessor.URI_PROPERTY))
				&& !StringUtils.hasText(environment.getProperty("MONGODB_URI"));
	}
}
