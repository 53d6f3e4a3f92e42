package org.qiancheng.shell.internal;

import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.registry.PolicyVersion;

/** {@code qc:policies}, {@code qc:pin} and {@code qc:unpin}: the policy registry for operators. */
@Component(service = PolicyCommands.class, property = {
    "osgi.command.scope=qc",
    "osgi.command.function=policies",
    "osgi.command.function=pin",
    "osgi.command.function=unpin"})
public final class PolicyCommands {

    private final PolicyRegistry registry;

    @Activate
    public PolicyCommands(@Reference PolicyRegistry registry) {
        this.registry = registry;
    }

    /** Lists every installed policy version with its status. 列出所有已安装的政策版本及其状态。 */
    public String policies() {
        if (registry.versions().isEmpty()) {
            return "no policy installed 尚未安装政策";
        }
        String versions = registry.versions().stream().map(PolicyCommands::line)
                .collect(Collectors.joining(System.lineSeparator()));
        String issues = registry.issues().stream()
                .map(i -> "  ! " + i.regionCode() + " " + i.kind() + " " + i.period() + " " + i.versions())
                .collect(Collectors.joining(System.lineSeparator()));
        return issues.isEmpty() ? versions : versions + System.lineSeparator() + issues;
    }

    /** Pins a region to one version. 将地区固定到某一政策版本。 */
    public String pin(String region, String version) {
        try {
            registry.pin(region, version);
            return region + " pinned to " + version + " 已固定";
        } catch (NoPolicyException e) {
            return "not pinned 未固定: " + e.getMessage();
        }
    }

    /** Routes a region by class start date again. 恢复按开班日期选择政策版本。 */
    public String unpin(String region) {
        registry.unpin(region);
        return region + " routed by class start date 已恢复按日期选择";
    }

    private static String line(PolicyVersion v) {
        return String.format("%s  %-10s  %-8s %s  %s  %s%s", v.descriptor().regionCode(), v.descriptor().version(),
                v.status(), v.pinned() ? "(pinned)" : "", v.descriptor().period(), v.descriptor().regionName().zh(),
                v.reason() == null ? "" : "  — " + v.reason());
    }
}
