/**
 * The policy registry: every installed version with its status, routing of requests to the
 * version in force, pins, snapshots held for the length of a request, and (1.4) two-person
 * activation requests; (1.5) every decision carrying the region's decision sequence it was made at
 * ({@link org.qiancheng.api.registry.StaleDecisionException} when another decision came first).
 */
@Export
@Version("1.6.0")
package org.qiancheng.api.registry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
