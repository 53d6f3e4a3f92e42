/**
 * The domain model shared by the kernel and region bundles: immutable values (records, and
 * {@link org.qiancheng.api.model.Label}, which writes its text once, when first read).
 * 1.3.0: {@link org.qiancheng.api.model.Label}.
 */
@Export
@Version("1.3.0")
package org.qiancheng.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
