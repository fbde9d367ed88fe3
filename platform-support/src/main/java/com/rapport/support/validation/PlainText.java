package com.rapport.support.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text without control characters ({@link TextRules}); {@code multiline = true} lets long text break lines.
 * A failure is a 422 naming the field, like every other field rule.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE,
		ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {

	boolean multiline() default false;

	String message() default "{" + TextRules.CONTROL_CHARACTERS_CODE + "}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks one value with {@link TextRules}, reporting its own code (one line or control characters). */
	final class Validator implements ConstraintValidator<PlainText, CharSequence> {

		private boolean multiline;

		@Override
		public void initialize(PlainText constraint) {
			this.multiline = constraint.multiline();
		}

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			String problem = value == null ? null : TextRules.problemCode(value.toString(), multiline);
			if (problem == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate("{" + problem + "}").addConstraintViolation();
			return false;
		}
	}
}
