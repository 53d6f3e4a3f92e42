package org.qiancheng.distribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.jakartars.runtime.dto.BaseDTO;
import org.osgi.service.jakartars.runtime.dto.FailedApplicationDTO;
import org.osgi.service.jakartars.runtime.dto.FailedExtensionDTO;
import org.osgi.service.jakartars.runtime.dto.FailedResourceDTO;
import org.osgi.service.jakartars.runtime.dto.RuntimeDTO;

/** Names in a whiteboard runtime DTO, for assertions and failure messages. */
final class Dtos {

    private Dtos() {
    }

    static List<String> resources(RuntimeDTO dto) {
        return names(dto.defaultApplication.resourceDTOs);
    }

    /** The service id of each resource of the default application, by name. */
    static Map<String, Long> resourceServiceIds(RuntimeDTO dto) {
        Map<String, Long> ids = new HashMap<>();
        if (dto.defaultApplication.resourceDTOs != null) {
            Arrays.stream(dto.defaultApplication.resourceDTOs).forEach(r -> ids.put(r.name, r.serviceId));
        }
        return ids;
    }

    static List<String> extensions(RuntimeDTO dto) {
        return names(dto.defaultApplication.extensionDTOs);
    }

    static List<String> failed(RuntimeDTO dto) {
        List<String> failed = new ArrayList<>();
        for (FailedResourceDTO f : dto.failedResourceDTOs) {
            failed.add("resource " + f.name + " (reason " + f.failureReason + ")");
        }
        for (FailedExtensionDTO f : dto.failedExtensionDTOs) {
            failed.add("extension " + f.name + " (reason " + f.failureReason + ")");
        }
        for (FailedApplicationDTO f : dto.failedApplicationDTOs) {
            failed.add("application " + f.name + " (reason " + f.failureReason + ")");
        }
        return failed;
    }

    static String describe(RuntimeDTO dto) {
        return dto == null ? "none" : "resources " + resources(dto) + ", extensions " + extensions(dto)
                + ", failed " + failed(dto);
    }

    private static List<String> names(BaseDTO[] dtos) {
        return dtos == null ? List.of() : Arrays.stream(dtos).map(d -> d.name).toList();
    }
}
