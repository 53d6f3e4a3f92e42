package org.qiancheng.core.internal.security;

import java.time.Duration;

/**
 * The security configuration checked and in the units the services use.
 *
 * @param policy the password policy
 * @param iterations PBKDF2 iterations for new passwords
 * @param lockout when failed logins lock an account for a source address
 * @param idle how long an unused session lives
 * @param absolute how long a session lives at most
 * @param loginsPerMinute login attempts accepted from one source address in a minute
 * @param trustedProxies the peers whose {@code X-Forwarded-For} is believed
 */
record Settings(PasswordPolicy policy, int iterations, Lockout lockout, Duration idle, Duration absolute,
        int loginsPerMinute, java.util.Set<String> trustedProxies) {

    static final int MIN_ITERATIONS = 600_000;

    static Settings of(SecurityConfiguration config) {
        if (config.passwordIterations() < MIN_ITERATIONS) {
            throw new IllegalArgumentException("passwordIterations must be at least " + MIN_ITERATIONS + ", was "
                    + config.passwordIterations());
        }
        positive("lockoutFailures", config.lockoutFailures());
        positive("lockoutWindowMinutes", config.lockoutWindowMinutes());
        positive("lockoutMinutes", config.lockoutMinutes());
        positive("sessionIdleMinutes", config.sessionIdleMinutes());
        positive("sessionAbsoluteMinutes", config.sessionAbsoluteMinutes());
        positive("loginsPerMinute", config.loginsPerMinute());
        return new Settings(new PasswordPolicy(config.passwordMinLength(), config.passwordMinClasses()),
                config.passwordIterations(),
                new Lockout(config.lockoutFailures(), Duration.ofMinutes(config.lockoutWindowMinutes()),
                        Duration.ofMinutes(config.lockoutMinutes())),
                Duration.ofMinutes(config.sessionIdleMinutes()), Duration.ofMinutes(config.sessionAbsoluteMinutes()),
                config.loginsPerMinute(), java.util.Set.of(config.trustedProxies()));
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
