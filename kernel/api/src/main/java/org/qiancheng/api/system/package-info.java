/**
 * The running platform's own state, for operators, probes and load balancers; (1.1) the node that
 * answers and the platform's live nodes ({@link org.qiancheng.api.system.Nodes}).
 */
@Export
@Version("1.1.0")
package org.qiancheng.api.system;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
