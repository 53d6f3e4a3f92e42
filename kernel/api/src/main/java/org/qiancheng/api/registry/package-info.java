/**
 * The policy registry: every installed version with its status, routing of requests to the
 * version in force, pins, and snapshots held for the length of a request.
 */
@Export
@Version("1.3.0")
package org.qiancheng.api.registry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
