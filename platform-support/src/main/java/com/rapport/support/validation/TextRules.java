package com.rapport.support.validation;

/**
 * What text people and partners may write: no control characters (NUL, escape, DEL, the C1 range), no lone
 * UTF-16 surrogates (they have no UTF-8 form, so no store can keep them faithfully) and no noncharacters
 * U+FFFE/U+FFFF. Long text (notes, messages) may break lines ({@code \n}, {@code \r}, tab); one-line
 * fields (names, codes, ids) may not. {@link PlainText} applies the same rule as a Bean Validation constraint.
 */
public final class TextRules {

	/** The field error for text with a forbidden character; the same words on REST and gRPC. */
	public static final String CONTROL_CHARACTERS = "must not contain control characters";

	/** The field error for one-line text with a line break. */
	public static final String LINE_BREAKS = "must be one line, without control characters";

	/** The message code of {@link #CONTROL_CHARACTERS} (rapport/i18n/codes*.properties). */
	public static final String CONTROL_CHARACTERS_CODE = "text.control-characters";

	/** The message code of {@link #LINE_BREAKS}. */
	public static final String LINE_BREAKS_CODE = "text.line-breaks";

	private TextRules() {
	}

	/** Why {@code value} may not be stored, or null when it may (null and empty text may). */
	public static String problem(String value, boolean multiline) {
		if (value == null) {
			return null;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF' || c == 0x7F || c >= 0x80 && c <= 0x9F) {
				return CONTROL_CHARACTERS;
			}
			else if (c < 0x20 || c == '\u2028' || c == '\u2029') {
				boolean lineBreak = c == '\n' || c == '\r' || c == '\t' || c == '\u2028' || c == '\u2029';
				if (!lineBreak) {
					return CONTROL_CHARACTERS;
				}
				if (!multiline) {
					return LINE_BREAKS;
				}
			}
		}
		return null;
	}

	/** The message code of why {@code value} may not be stored, or null when it may. */
	public static String problemCode(String value, boolean multiline) {
		String problem = problem(value, multiline);
		if (problem == null) {
			return null;
		}
		return LINE_BREAKS.equals(problem) ? LINE_BREAKS_CODE : CONTROL_CHARACTERS_CODE;
	}

	public static boolean isPlain(String value, boolean multiline) {
		return problem(value, multiline) == null;
	}
}
