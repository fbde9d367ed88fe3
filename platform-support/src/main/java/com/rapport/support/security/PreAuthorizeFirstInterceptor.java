package com.rapport.support.security;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Permission before content: evaluates a handler's {@code @PreAuthorize} before Spring reads, converts and
 * validates its arguments, so a caller without the right gets 403 whatever the body (not 400 for bad JSON or
 * 422 for bad fields, which would tell them about a door they may not open). Method security still checks
 * again when the method runs. Rules that look at the arguments ({@code #id}) can only be checked then.
 */
final class PreAuthorizeFirstInterceptor implements HandlerInterceptor {

	private final PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();

	PreAuthorizeFirstInterceptor(MethodSecurityExpressionHandler expressionHandler) {
		if (expressionHandler != null) {
			manager.setExpressionHandler(expressionHandler);
		}
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
		if (rule == null) {
			rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
		}
		if (rule == null || rule.value().contains("#")) {
			return true;
		}
		AuthorizationResult result = manager.authorize(
				() -> SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication(),
				new Invocation(method));
		if (result != null && !result.isGranted()) {
			throw new AccessDeniedException("Access denied before reading the request");
		}
		return true;
	}

	/** The handler about to be called, without its arguments (not read yet). */
	private record Invocation(HandlerMethod handler) implements MethodInvocation {

		@Override
		public Method getMethod() {
			return handler.getMethod();
		}

		@Override
		public Object[] getArguments() {
			return new Object[handler.getMethodParameters().length];
		}

		@Override
		public Object proceed() {
			throw new UnsupportedOperationException("only for checking the rule");
		}

		@Override
		public Object getThis() {
			return handler.getBean();
		}

		@Override
		public AccessibleObject getStaticPart() {
			return handler.getMethod();
		}
	}
}
