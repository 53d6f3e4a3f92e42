/**
 * Rules: what each rule of a policy says, as data. A region bundle's {@code rules.json} gives every
 * rule id its name, the clause it rests on and the label of the lines and reasons it produces, so
 * that a formula only computes and {@link org.qiancheng.api.rule.Rules} writes the cited text.
 * Format: {@code docs/rules.md}.
 * 1.1.0: {@link org.qiancheng.api.rule.Rule#filled(java.util.Map)}, the label kept with its arguments.
 */
@Export
@Version("1.1.0")
package org.qiancheng.api.rule;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
