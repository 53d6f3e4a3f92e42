package org.qiancheng.core.internal.security;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Accounts and sessions ({@code etc/org.qiancheng.security.config}): the password policy and work
 * factor, the lockout after failed logins, the login rate per address, the session timeouts, and the
 * reverse proxies trusted to name the client's address.
 */
@ObjectClassDefinition(name = "Qiancheng accounts and sessions")
public @interface SecurityConfiguration {

    /** The configuration PID shared by the security services and the REST authentication filter. */
    String PID = "org.qiancheng.security";

    @AttributeDefinition(description = "Shortest password accepted, in characters (at least 8)")
    int passwordMinLength() default 12;

    @AttributeDefinition(description = "How many of the four character classes (lower case, upper case, digits,"
            + " others) a password contains at least, 1 to 4")
    int passwordMinClasses() default 3;

    @AttributeDefinition(description = "PBKDF2-HMAC-SHA256 iterations for new passwords (at least 600000);"
            + " stored with each hash, so raising it leaves existing passwords valid")
    int passwordIterations() default 600_000;

    @AttributeDefinition(description = "Failed logins of one account from one source address that lock it")
    int lockoutFailures() default 5;

    @AttributeDefinition(description = "Minutes within which those failures count")
    int lockoutWindowMinutes() default 15;

    @AttributeDefinition(description = "Minutes the account stays locked for that source address")
    int lockoutMinutes() default 15;

    @AttributeDefinition(description = "Minutes after its last use that a session ends")
    int sessionIdleMinutes() default 30;

    @AttributeDefinition(description = "Minutes after the login that a session ends, used or not")
    int sessionAbsoluteMinutes() default 720;

    @AttributeDefinition(description = "Seconds (real time) a session read from the database is reused before it"
            + " is read again; logout, revocation and account changes on this node apply at once; 0 turns it off")
    int sessionCacheSeconds() default 10;

    @AttributeDefinition(description = "Login attempts accepted from one source address in any minute (real time);"
            + " more are answered 429 without checking the password")
    int loginsPerMinute() default 60;

    @AttributeDefinition(description = "Addresses of reverse proxies whose X-Forwarded-For names the client's source"
            + " address; from any other peer the header is ignored")
    String[] trustedProxies() default {};
}
