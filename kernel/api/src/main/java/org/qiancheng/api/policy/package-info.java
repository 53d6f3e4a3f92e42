/**
 * What identifies a policy version: its region, version, effective period and source documents.
 */
@Export
@Version("1.1.0")
package org.qiancheng.api.policy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
