/**
 * Reports: the data set the kernel hands an evaluation report and the table it returns.
 */
@Export
@Version("1.2.0")
package org.qiancheng.api.report;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
