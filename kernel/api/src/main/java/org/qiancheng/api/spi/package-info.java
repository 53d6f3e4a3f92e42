/**
 * The service provider interfaces a region bundle implements: {@link org.qiancheng.api.spi.RegionPolicy}
 * and its parts {@link org.qiancheng.api.spi.TrainingCatalog}, {@link org.qiancheng.api.spi.SubsidyPolicy}
 * and {@link org.qiancheng.api.spi.EvaluationReport}. All are consumer types: the kernel calls
 * them, region authors implement them.
 */
@Export
@Version("1.2.0")
package org.qiancheng.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
