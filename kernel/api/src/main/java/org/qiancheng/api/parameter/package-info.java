/**
 * Dated parameters: the numbers, tables and lists a policy reads from data files in its bundle,
 * each with a reference to the clause it rests on, validated against the policy's bounds.
 */
@Export
@Version("1.4.0")
package org.qiancheng.api.parameter;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
