package org.qiancheng.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.api.workflow.InstalmentKind;
import org.qiancheng.api.workflow.PaidInstalment;

/** The downloads: CSV for Excel, safe from formula injection, named in ASCII and in Chinese. */
class CsvWriteTest {

    @Test
    void aFormulaIsWrittenAsText() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", Csv.field("=HYPERLINK(\"x\")"));
        assertEquals("'+1", Csv.field("+1"));
        assertEquals("'-2", Csv.field("-2"));
        assertEquals("'@SUM(A1)", Csv.field("@SUM(A1)"));
        assertEquals("'\tx", Csv.field("\tx"));
        assertEquals("a=b", Csv.field("a=b"), "only the first character counts");
        assertEquals("\"'=1,2\"", Csv.field("=1,2"), "quoted after the apostrophe");
    }

    @Test
    void fieldsAreQuotedOnlyWhenNeeded() {
        assertEquals("", Csv.field(null));
        assertEquals("张三", Csv.field("张三"));
        assertEquals("\"a,b\"", Csv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.field("two\nlines"));
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
