package org.qiancheng.rest.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.qiancheng.api.workflow.AuditEvent;
import org.qiancheng.api.workflow.AuditFilter;

/**
 * The audit trail as a CSV file for a spreadsheet: UTF-8 with a byte-order mark (so Excel shows the Chinese),
 * headings {@code 中文 / English} as the reports have them, times in the platform's zone, and every cell
 * safe against formula injection ({@link Csv#cell}).
 */
final class AuditCsv {

    static final List<String> HEADINGS = List.of("编号 / id", "链序号 / sequence", "时间 / at", "操作人 / actor",
            "操作 / action", "对象类型 / entity", "对象编号 / entityId", "变更前 / before", "变更后 / after");

    private AuditCsv() {
    }

    /** {@code audit-<from>-<to>.csv}: {@code all} for an open start, today for an open end. */
    static String fileName(AuditFilter filter, LocalDate today) {
        return "audit-" + (filter.from() == null ? "all" : filter.from()) + "-"
                + (filter.to() == null ? today : filter.to()) + ".csv";
    }

    /** Writes the headings and the entries as they come, flushing every 500 lines. */
    static void write(Iterable<AuditEvent> entries, ZoneId zone, OutputStream out) throws IOException {
        Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        csv.write(Csv.BOM);
        csv.write(Csv.line(HEADINGS));
        int lines = 0;
        for (AuditEvent event : entries) {
            csv.write(Csv.line(row(event, zone)));
            if (++lines % 500 == 0) {
                csv.flush();
            }
        }
        csv.flush();
    }

    static List<String> row(AuditEvent event, ZoneId zone) {
        return java.util.Arrays.asList(Long.toString(event.id()), Long.toString(event.sequence()),
                event.at().atZone(zone).toOffsetDateTime().toString(), event.actor(), event.action(), event.entity(),
                Long.toString(event.entityId()), event.before(), event.after());
    }
}
