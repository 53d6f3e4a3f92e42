/**
 * Accounts, roles and sessions: who may use the platform and who is acting now.
 * {@link org.qiancheng.api.security.Accounts} manages users (a security administrator's work),
 * {@link org.qiancheng.api.security.Sessions} logs users in and out and resolves a session token,
 * and {@link org.qiancheng.api.security.CurrentUser} names the authenticated user of the current
 * thread (and with it the {@link org.qiancheng.api.workflow.Operators operator} of the audit trail).
 * {@link org.qiancheng.api.security.Permissions} is the permission matrix, and
 * {@link org.qiancheng.api.security.RegionScope} the regions a user works in.
 * A refusal is an {@link org.qiancheng.api.security.AccessException} whose kind says how to answer.
 */
@Export
@Version("1.2.0")
package org.qiancheng.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
