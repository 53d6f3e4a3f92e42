/**
 * The policy test kit: loads a region policy's dated parameters, evaluates it exactly as the
 * kernel does, reads the scenario format and runs case files.
 */
@Export
@Version("0.1.0")
package org.qiancheng.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
