/**
 * The bundles in the platform's hot folder ({@code deploy/}): what each file is, whether its region
 * policy was accepted or refused and why, and uploading or removing one under the operator's name.
 */
@Export
@Version("1.0.0")
package org.qiancheng.api.deploy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
