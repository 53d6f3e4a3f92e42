/**
 * The training workflow the kernel runs for every region: institutions, published projects,
 * filed classes, real-name trainees and enrolments, claims, payments and monthly settlements, with
 * the kernel-wide rules K1–K4 of {@code DOMAIN.md}. Incubating (0.x): the shapes may still change
 * before 1.0.
 */
@Export
@Version("0.2.0")
package org.qiancheng.api.workflow;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
