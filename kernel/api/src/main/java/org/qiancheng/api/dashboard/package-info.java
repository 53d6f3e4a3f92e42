/**
 * The operator console's overview: a year's classes, trainees, outcomes, money and the review queue
 * within the user's regions, aggregated by the kernel ({@link org.qiancheng.api.dashboard.Dashboards}).
 */
@Export
@Version("1.0.0")
package org.qiancheng.api.dashboard;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
