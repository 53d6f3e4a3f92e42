package org.qiancheng.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.workflow.AuditEvent;
import org.qiancheng.api.workflow.AuditFilter;

class CsvWriterTest {

    @Test
    void aFormulaIsWrittenAsTextAndQuotingFollowsRfc4180() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", Csv.cell("=HYPERLINK(\"x\")"));
        assertEquals("\"'=1+1,2\"", Csv.cell("=1+1,2"));
        assertEquals("'+86 138", Csv.cell("+86 138"));
        assertEquals("'-5", Csv.cell("-5"));
        assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)"));
        assertEquals("'\tx", Csv.cell("\tx"));
        assertEquals("a=b", Csv.cell("a=b"), "only a leading sign makes a formula");
        assertEquals("李经办", Csv.cell("李经办"));
        assertEquals("", Csv.cell(null));
        assertEquals("\"{\"\"a\"\":1,\"\"b\"\":2}\"", Csv.cell("{\"a\":1,\"b\":2}"));
        assertEquals("\"two\nlines\"", Csv.cell("two\nlines"));
        assertEquals("a,,\"b,c\"\r\n", Csv.line(Arrays.asList("a", null, "b,c")));
    }

    @Test
    void theAuditFileHasABomHeadingsAndOneLinePerEntryInThePlatformZone() throws Exception {
        AuditEvent event = new AuditEvent(7, 5, Instant.parse("2026-12-11T16:30:00Z"), "李经办", "claim.created",
                "claim", 3, null, "{\"amount\":840.00}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditCsv.write(List.of(event), ZoneId.of("Asia/Shanghai"), out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF编号 / id,"), text);
        List<String> lines = text.lines().toList();
        assertEquals(2, lines.size());
        assertEquals("7,5,2026-12-12T00:30+08:00,李经办,claim.created,claim,3,,\"{\"\"amount\"\":840.00}\"",
                lines.get(1));
        assertEquals("audit-2026-12-01-2026-12-31.csv", AuditCsv.fileName(new AuditFilter(null, null, null,
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)), LocalDate.of(2027, 1, 5)));
        assertEquals("audit-all-2027-01-05.csv", AuditCsv.fileName(AuditFilter.ALL, LocalDate.of(2027, 1, 5)));
    }
}
