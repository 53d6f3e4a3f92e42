/**
 * The service provider interfaces a region bundle implements: {@link org.qiancheng.api.spi.RegionPolicy}
 * and its parts {@link org.qiancheng.api.spi.TrainingCatalog}, {@link org.qiancheng.api.spi.SubsidyPolicy}
 * and {@link org.qiancheng.api.spi.EvaluationReport}. These are consumer types: the kernel calls
 * them, region authors implement them. {@link org.qiancheng.api.spi.ParentPolicy} (1.3) is a
 * provider type: the kernel hands it to a city plugin to read its parent region's catalogue.
 */
@Export
@Version("1.3.0")
package org.qiancheng.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
