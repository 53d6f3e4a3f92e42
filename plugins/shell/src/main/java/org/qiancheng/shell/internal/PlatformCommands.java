package org.qiancheng.shell.internal;

import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.system.DatabaseHealth;
import org.qiancheng.api.system.HealthReport;
import org.qiancheng.api.system.HealthService;

/** {@code qc:health} and {@code qc:regions} in the gogo shell; the same facts as the REST API. */
@Component(service = PlatformCommands.class, property = {
    "osgi.command.scope=qc",
    "osgi.command.function=health",
    "osgi.command.function=regions"})
public final class PlatformCommands {

    private final HealthService health;
    private final PolicyRegistry registry;

    @Activate
    public PlatformCommands(@Reference HealthService health, @Reference PolicyRegistry registry) {
        this.health = health;
        this.registry = registry;
    }

    /** Prints the platform's health. 打印平台健康状况。 */
    public String health() {
        HealthReport report = health.health();
        DatabaseHealth db = report.database();
        return String.format("status 状态      %s%nframework 框架   %s%nbundles 模块     %s%n"
                + "database 数据库  %s %s%s%nuptime 运行时间  %s",
                report.status(), report.frameworkState(), report.bundles(), db.status(),
                db.product() == null ? "" : db.product() + ", boots " + db.bootCount(),
                db.error() == null ? "" : " — " + db.error(), report.uptime());
    }

    /** Lists the regions present and their policy versions. 列出已安装的地区及其政策版本。 */
    public String regions() {
        var present = registry.regions();
        if (present.isEmpty()) {
            return "no region bundle installed 尚未安装地区模块";
        }
        return present.stream()
                .map(r -> r.code() + "  " + r.name().zh() + " / " + r.name().en() + "  " + r.versions())
                .collect(Collectors.joining(System.lineSeparator()));
    }
}
