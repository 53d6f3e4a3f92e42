package org.qiancheng.core.internal.security;

import java.util.Locale;
import org.qiancheng.api.security.AccessException;
import org.qiancheng.api.security.AccessException.Kind;

/**
 * What a password must be: at least {@code minLength} characters (12 by default) and at most
 * {@link #MAX_LENGTH} (PBKDF2 hashes every character; the cap keeps a login cheap to refuse), at
 * least {@code minClasses} of the four classes lower case, upper case, digits and others (3 by
 * default; any letter outside ASCII, e.g. Chinese, counts as "others"), and not containing the
 * username.
 */
record PasswordPolicy(int minLength, int minClasses) {

    static final int MAX_LENGTH = 128;

    PasswordPolicy {
        if (minLength < 8 || minLength > MAX_LENGTH) {
            throw new IllegalArgumentException("passwordMinLength must be from 8 to " + MAX_LENGTH + ", was " + minLength);
        }
        if (minClasses < 1 || minClasses > 4) {
            throw new IllegalArgumentException("passwordMinClasses must be from 1 to 4, was " + minClasses);
        }
    }

    /**
     * @param field the input field, for the problem ({@code password}, {@code newPassword})
     * @throws AccessException INVALID with rule {@code password:length}, {@code password:max-length},
     *     {@code password:classes} or {@code password:username}; the message never quotes the password
     */
    void check(String field, String username, String password) {
        if (password == null || password.isEmpty()) {
            throw broken(field, "required", "is required", "为必填项");
        }
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            throw broken(field, "password:length", "must be at least " + minLength + " characters long",
                    "长度至少为 " + minLength + " 个字符");
        }
        if (length > MAX_LENGTH) {
            throw broken(field, "password:max-length", "must be at most " + MAX_LENGTH + " characters long",
                    "长度不得超过 " + MAX_LENGTH + " 个字符");
        }
        if (classes(password) < minClasses) {
            throw broken(field, "password:classes", "must contain at least " + minClasses + " of: lower-case letters,"
                    + " upper-case letters, digits, other characters",
                    "须至少包含小写字母、大写字母、数字、其他字符中的 " + minClasses + " 类");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw broken(field, "password:username", "must not contain the username", "不得包含用户名");
        }
    }

    static int classes(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    private static AccessException broken(String field, String rule, String en, String zh) {
        return new AccessException(Kind.INVALID, field, rule, en, zh);
    }
}
