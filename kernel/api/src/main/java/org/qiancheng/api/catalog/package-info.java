/**
 * A region's training catalogue: occupations and levels, shortage list, industrial chains,
 * demand catalogue, special programmes and focus groups.
 */
@Export
@Version("1.1.0")
package org.qiancheng.api.catalog;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
