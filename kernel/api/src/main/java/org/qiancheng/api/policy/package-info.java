/**
 * Policy identity and the directory of regions: what a region bundle declares, and what the
 * kernel knows of the regions present.
 */
@Export
@Version("0.1.0")
package org.qiancheng.api.policy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
