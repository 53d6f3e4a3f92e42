/**
 * Claims: what the kernel hands a subsidy policy (class, results, trainee, outcome) and what it
 * gets back (eligibility, cited line items, notes, flags), and the reproducible decision record.
 * 1.3.0: {@link org.qiancheng.api.claim.ClassResults#surveyed()} says whether the satisfaction was surveyed.
 * 1.4.0: a {@link org.qiancheng.api.claim.LineItem} label and a {@link org.qiancheng.api.claim.Reason} text may be
 * kept as their {@code source} ({@link org.qiancheng.api.model.Label}: template and arguments) and written when first read.
 */
@Export
@Version("1.4.0")
package org.qiancheng.api.claim;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
