/**
 * The running platform's own state, for operators, probes and load balancers.
 */
@Export
@Version("1.0.0")
package org.qiancheng.api.system;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
