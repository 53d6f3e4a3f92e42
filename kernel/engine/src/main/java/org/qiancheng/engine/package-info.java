/**
 * The policy engine: loads a region policy's dated parameters, composes a city plugin over its
 * province, decides with the policy identity and every parameter read recorded, reads the
 * scenario format of previews and case files, and runs a region's case files. The runtime runs it
 * for every decision and at every activation; the test kit runs the same code in plain JUnit.
 */
@Export
@Version("1.2.0")
package org.qiancheng.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
