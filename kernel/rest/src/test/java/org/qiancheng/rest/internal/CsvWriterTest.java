package org.qiancheng.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.api.workflow.AuditEvent;
import org.qiancheng.api.workflow.AuditFilter;
import org.qiancheng.api.workflow.InstalmentKind;
import org.qiancheng.api.workflow.PaidInstalment;

/** What we write as CSV: for Excel, safe from formula injection, the audit file, the downloads named in ASCII and Chinese. */
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

    @Test
    void aDocumentHasABomAndCrlfAndReadsBack() {
        String text = Csv.write(List.of("姓名 Name", "金额"), List.of(Arrays.asList("王五", "1.00"),
                Arrays.asList("=cmd", null)));
        assertTrue(text.startsWith("\uFEFF姓名 Name,金额\r\n"));
        assertEquals("\uFEFF姓名 Name,金额\r\n王五,1.00\r\n'=cmd,\r\n", text);
        assertEquals(List.of("'=cmd", ""), Csv.read(text).get(2).fields());
    }

    @Test
    void theFilenameIsAsciiAndRfc5987() {
        assertEquals("attachment; filename=\"roster-class-7.csv\"; filename*=UTF-8''%E8%8A%B1%E5%90%8D%E5%86%8C-7.csv",
                Exports.disposition("roster-class-7.csv", "花名册-7.csv"));
        assertEquals("attachment; filename=\"a_b.csv\"; filename*=UTF-8''a%20b%22.csv",
                Exports.disposition("a\"b.csv", "a b\".csv"));
    }

    @Test
    void thePaymentListMasksIdsAndEndsWithATotal() {
        PaidInstalment paid = new PaidInstalment(LocalDate.of(2026, 12, 14), 3, 9, 4, "=evil 学校", "李四",
                new ResidentId("510104199109210071"), InstalmentKind.ADVANCE, new BigDecimal("600"), "2025.1.0",
                "finance");
        ExportTables.Table table = ExportTables.payments(List.of(paid, paid));
        assertEquals(List.of("2026-12-14", "9", "4", "=evil 学校", "李四", "510104********0071", "ADVANCE", "600.00",
                "2025.1.0", "finance"), table.rows().get(0));
        assertEquals(Arrays.asList("合计 Total", null, null, null, null, null, "2 笔 payments", "1200.00", null, null),
                table.rows().get(2));
        assertTrue(Csv.write(table.header(), table.rows()).contains(",'=evil 学校,"));
    }
}
