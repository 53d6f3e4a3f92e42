/**
 * What the persistence bundle offers the rest of the kernel. Entities never leave the bundle.
 */
@Export
@Version("0.4.0")
package org.qiancheng.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
