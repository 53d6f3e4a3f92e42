package org.qiancheng.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.qiancheng.api.policy.PolicyDescriptor;
import org.qiancheng.api.policy.RegionDirectory;
import org.qiancheng.api.policy.RegionSummary;

/** Lists the regions whose policy descriptors are registered right now. */
@Component
public final class RegionDirectoryComponent implements RegionDirectory {

    private final List<PolicyDescriptor> descriptors = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addDescriptor(PolicyDescriptor descriptor) {
        descriptors.add(descriptor);
    }

    void removeDescriptor(PolicyDescriptor descriptor) {
        descriptors.remove(descriptor);
    }

    @Override
    public List<RegionSummary> regions() {
        return summarise(List.copyOf(descriptors));
    }

    static List<RegionSummary> summarise(List<PolicyDescriptor> present) {
        Map<String, List<PolicyDescriptor>> byRegion = new TreeMap<>();
        for (PolicyDescriptor descriptor : present) {
            byRegion.computeIfAbsent(descriptor.regionCode(), code -> new ArrayList<>()).add(descriptor);
        }
        List<RegionSummary> regions = new ArrayList<>();
        byRegion.forEach((code, versions) -> {
            versions.sort(Comparator.comparing(PolicyDescriptor::version, VersionOrder.INSTANCE));
            PolicyDescriptor newest = versions.get(versions.size() - 1);
            regions.add(new RegionSummary(code, newest.regionName(),
                    versions.stream().map(PolicyDescriptor::version).toList()));
        });
        return List.copyOf(regions);
    }
}
