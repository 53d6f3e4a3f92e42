/**
 * The domain model shared by the kernel and region bundles: immutable records only.
 */
@Export
@Version("1.2.0")
package org.qiancheng.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
