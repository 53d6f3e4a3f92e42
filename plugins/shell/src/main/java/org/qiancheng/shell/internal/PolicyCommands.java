package org.qiancheng.shell.internal;

import java.util.List;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qiancheng.api.registry.Activation;
import org.qiancheng.api.registry.ActivationException;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.registry.PolicyVersion;
import org.qiancheng.api.workflow.Operators;

/**
 * {@code qc:policies}, {@code qc:activate}, {@code qc:rollback}, {@code qc:activations},
 * {@code qc:pin} and {@code qc:unpin}: the policy registry for operators. Decisions taken here are
 * stored as taken by {@code shell:<OS user>}.
 */
@Component(service = PolicyCommands.class, property = {
    "osgi.command.scope=qc",
    "osgi.command.function=policies",
    "osgi.command.function=activate",
    "osgi.command.function=rollback",
    "osgi.command.function=activations",
    "osgi.command.function=pin",
    "osgi.command.function=unpin"})
public final class PolicyCommands {

    private static final String OPERATOR = "shell:" + System.getProperty("user.name", "?");

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

    /** Puts a version in force at once: {@code qc:activate 510000 2025.2.0 final text}. 激活政策版本。 */
    public String activate(String region, String version, String... reason) {
        try {
            Activation done = registry.activate(region, version, OPERATOR, String.join(" ", reason));
            return region + " " + version + " activated 已激活; retired 已停用 " + done.retired();
        } catch (NoPolicyException | ActivationException e) {
            return "not activated 未激活: " + e.getMessage();
        }
    }

    /** Undoes the region's latest activation: {@code qc:rollback 510000 why}. 回滚最近一次激活。 */
    public String rollback(String region, String... reason) {
        try {
            Activation done = registry.rollback(region, OPERATOR, String.join(" ", reason));
            return region + " " + done.version() + " rolled back 已回滚; in force again 已恢复 " + done.retired();
        } catch (ActivationException e) {
            return "not rolled back 未回滚: " + e.getMessage();
        }
    }

    /** The region's stored decisions, oldest first. 列出地区的激活与回滚记录。 */
    public String activations(String region) {
        List<Activation> history = registry.activations(region);
        if (history.isEmpty()) {
            return "no decision recorded 暂无记录";
        }
        return history.stream().map(a -> String.format("%s  %-11s %-10s by %s%s%s", a.at(), a.kind(),
                a.version() == null ? "" : a.version(), a.actor(),
                a.retired().isEmpty() ? "" : "  " + a.retired(),
                a.reason() == null || a.reason().isBlank() ? "" : "  — " + a.reason()))
                .collect(Collectors.joining(System.lineSeparator()));
    }

    /** Pins a region to one version. 将地区固定到某一政策版本。 */
    public String pin(String region, String version) {
        try {
            Operators.as(OPERATOR, () -> {
                registry.pin(region, version);
                return null;
            });
            return region + " pinned to " + version + " 已固定";
        } catch (NoPolicyException | ActivationException e) {
            return "not pinned 未固定: " + e.getMessage();
        }
    }

    /** Routes a region by class start date again. 恢复按开班日期选择政策版本。 */
    public String unpin(String region) {
        try {
            Operators.as(OPERATOR, () -> {
                registry.unpin(region);
                return null;
            });
            return region + " routed by class start date 已恢复按日期选择";
        } catch (ActivationException e) {
            return "not unpinned 未解除: " + e.getMessage();
        }
    }

    private static String line(PolicyVersion v) {
        return String.format("%s  %-10s  %-8s %s  %s  %s%s", v.descriptor().regionCode(), v.descriptor().version(),
                v.status(), v.pinned() ? "(pinned)" : "", v.descriptor().period(), v.descriptor().regionName().zh(),
                v.reason() == null ? "" : "  — " + v.reason());
    }
}
