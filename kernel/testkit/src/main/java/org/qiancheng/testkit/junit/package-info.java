/**
 * JUnit 5 adapter of the test kit: a region module's case files as dynamic tests.
 */
@Export
@Version("0.2.0")
package org.qiancheng.testkit.junit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
