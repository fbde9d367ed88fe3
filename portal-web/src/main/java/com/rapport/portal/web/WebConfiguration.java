package com.rapport.portal.web;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.rapport.support.message.Texts;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language comes from {@code ?lang=} when the user picks one (kept in a cookie), otherwise from the
 * browser's Accept-Language; only English and Simplified Chinese are offered.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

	static final String COOKIE = "rapport-lang";

	/** Codes from the services (field errors, timeline sentences) said in the reader's language. */
	@Bean
	Texts texts(MessageSource messages) {
		return new Texts(messages);
	}

	@Bean
	LocaleResolver localeResolver() {
		OfferedLocaleResolver resolver = new OfferedLocaleResolver();
		resolver.setDefaultLocaleFunction(request -> Collections.list(request.getLocales()).stream()
			.map(WebConfiguration::supported).flatMap(Optional::stream).findFirst().orElse(Locale.ENGLISH));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	/** The offered locale of the same language ({@code zh-TW} and {@code zh} read Simplified Chinese). */
	static Optional<Locale> supported(Locale locale) {
		return SUPPORTED.stream().filter(s -> locale != null && s.getLanguage().equals(locale.getLanguage())).findFirst();
	}

	static Locale offered(Locale locale) {
		return supported(locale).orElse(Locale.ENGLISH);
	}

	/**
	 * Keeps any other choice ({@code ?lang=de}, an old or edited cookie) out: the texts would fall back to
	 * English while dates and numbers followed the unsupported locale.
	 */
	static final class OfferedLocaleResolver extends CookieLocaleResolver {

		OfferedLocaleResolver() {
			super(COOKIE);
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			return offered(super.resolveLocale(request));
		}

		@Override
		public LocaleContext resolveLocaleContext(HttpServletRequest request) {
			// Read lazily, like the parent's context: a ?lang= choice made later in the request must show.
			TimeZoneAwareLocaleContext context = (TimeZoneAwareLocaleContext) super.resolveLocaleContext(request);
			return new TimeZoneAwareLocaleContext() {
				@Override
				public Locale getLocale() {
					return offered(context.getLocale());
				}

				@Override
				public TimeZone getTimeZone() {
					return context.getTimeZone();
				}
			};
		}

		@Override
		public void setLocaleContext(HttpServletRequest request, HttpServletResponse response,
				LocaleContext localeContext) {
			Locale locale = localeContext != null ? localeContext.getLocale() : null;
			if (locale == null) {
				super.setLocaleContext(request, response, localeContext);
			}
			else if (localeContext instanceof TimeZoneAwareLocaleContext zoned) {
				super.setLocaleContext(request, response,
						new SimpleTimeZoneAwareLocaleContext(offered(locale), zoned.getTimeZone()));
			}
			else {
				super.setLocaleContext(request, response, new SimpleLocaleContext(offered(locale)));
			}
		}
	}
}
