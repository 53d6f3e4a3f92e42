package org.qiancheng.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.workflow.Drafts.TraineeDraft;
import org.qiancheng.api.workflow.ImportRejectedException;
import org.qiancheng.api.workflow.RowError;

/**
 * An XLSX import is read into the rows of a CSV file and meets the same rules; a cell that is not text
 * is refused naming its row and column, a file that is no workbook is a 400. The workbooks are built here
 * with POI, as Excel would write them.
 */
class XlsxImportTest {

    private static final String ID = "510104199001011230";
    private static final String ID2 = "11010519491231002X";
    private static final MediaType XLSX = new MediaType("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** A workbook whose first sheet holds {@code rows}: a String is a text cell, a Double a number cell. */
    private static byte[] workbook(Object[]... rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet sheet = book.createSheet("学员");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object value = rows[r][c];
                    if (value instanceof String text) {
                        row.createCell(c).setCellValue(text);
                    } else if (value instanceof Double number) {
                        row.createCell(c).setCellValue(number);
                    } else if (value instanceof Formula formula) {
                        row.createCell(c).setCellFormula(formula.text());
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    private record Formula(String text) {
    }

    private static Object[] row(Object... cells) {
        return cells;
    }

    private static XlsxReader.Sheet read(byte[] book) {
        return TraineeCsv.rows(XLSX, new ByteArrayInputStream(book));
    }

    private static List<RowError> rejected(byte[] book) {
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> TraineeCsv.trainees(read(book)));
        assertFalse(e.errors().toString().contains(ID), e.errors().toString());
        return e.errors();
    }

    private static Problem unreadable(byte[] body) {
        ProblemException e = assertThrows(ProblemException.class, () -> read(body));
        return e.problem();
    }

    @Test
    void aWorkbookImportsAsTheSameCsvWould() throws IOException {
        byte[] book = workbook(row("身份证号", "姓名", "重点群体", "户籍地", "领取养老金"),
                row(ID, " 张三 ", "农民工、退役军人", "320102", "否"),
                row(ID2, "李四", null, null, "是"),
                row(), row(null, ""));
        String csv = "身份证号,姓名,重点群体,户籍地,领取养老金\n" + ID + ",张三,农民工、退役军人,320102,否\n"
                + ID2 + ",李四,,,是\n";
        List<TraineeDraft> fromXlsx = TraineeCsv.trainees(read(book));
        assertEquals(TraineeCsv.trainees(csv), fromXlsx);
        assertEquals(2, fromXlsx.size());
        assertEquals(List.of(ID, ID2), TraineeCsv.idNumbers(read(book)));
    }

    @Test
    void englishHeadersAndRowNumbersOfTheSheet() throws IOException {
        // a blank row 2 is skipped as a blank CSV line is: the broken row is named by its sheet row, 3
        byte[] book = workbook(row("idNumber", "name"), row(), row(ID, "张\uFFFD三"));
        List<RowError> errors = rejected(book);
        assertEquals(new RowError(3, "name", "text:replacement-character", errors.get(0).message()), errors.get(0));
    }

    @Test
    void aNumberCellIsRefusedNamingRowAndColumnInBothLanguages() throws IOException {
        byte[] book = workbook(row("姓名", "身份证号"), row("张三", 510104199001011230d), row("李四", ID));
        List<RowError> errors = rejected(book);
        assertEquals(1, errors.size(), errors.toString());
        RowError error = errors.get(0);
        assertEquals(2, error.line());
        assertEquals("idNumber", error.field());
        assertEquals("cell:text", error.rule());
        assertTrue(error.message().startsWith("column B is a number cell"), error.message());
        assertTrue(error.message().contains("请将该列设为文本格式"), error.message());
        assertTrue(Problems.importZh(errors).contains("第 2 行 idNumber：须为文本单元格"), Problems.importZh(errors));
        // as the client reads it: "line 2: idNumber"
        Problem problem = ProblemMapper.problem(new ImportRejectedException(errors), "/api/v1/trainees/import");
        assertEquals(422, problem.status());
        assertEquals("line 2: idNumber", problem.violations().get(0).field());
    }

    @Test
    void everyBrokenRowIsListedAndNothingIsTaken() throws IOException {
        byte[] book = workbook(row("身份证号", "姓名", "领取养老金"), row(ID, "张三", "1"), row(ID2, 12.0));
        List<RowError> errors = rejected(book);
        assertEquals(List.of("type:boolean", "cell:text"), errors.stream().map(RowError::rule).toList());
        assertEquals(List.of(2, 3), errors.stream().map(RowError::line).toList());
    }

    @Test
    void aFormulaIsRefused() throws IOException {
        byte[] book = workbook(row("身份证号", "姓名"), row(ID, new Formula("\"张\"&\"三\"")));
        RowError error = rejected(book).get(0);
        assertEquals("cell:formula", error.rule());
        assertEquals("name", error.field());
        assertEquals(2, error.line());
    }

    @Test
    void aHeaderCellThatIsNoTextIsRefused() throws IOException {
        List<RowError> errors = rejected(workbook(row("身份证号", 2026.0), row(ID)));
        assertEquals("cell:text", errors.get(0).rule());
        assertEquals("header", errors.get(0).field());
    }

    @Test
    void aCellPastTheHeaderIsRefusedAsALongCsvLine() throws IOException {
        byte[] book = workbook(row("身份证号", "姓名"), row(ID, "张三", "x"));
        assertEquals("csv:columns", rejected(book).get(0).rule());
    }

    @Test
    void onlyTheFirstSheetIsRead() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Row header = book.createSheet("名单").createRow(0);
            header.createCell(0).setCellValue("身份证号");
            book.getSheet("名单").createRow(1).createCell(0).setCellValue(ID);
            book.createSheet("说明").createRow(0).createCell(0).setCellValue(123d);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            assertEquals(List.of(ID), TraineeCsv.idNumbers(read(out.toByteArray())));
        }
    }

    @Test
    void garbageAnEmptyBodyAndAnXlsAre400NamingTheBody() throws IOException {
        Problem garbage = unreadable("身份证号,姓名\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, garbage.status());
        assertEquals("body", garbage.violations().get(0).field());
        assertEquals("xlsx", garbage.violations().get(0).rule());
        assertTrue(garbage.detailZh().startsWith("body："), garbage.detailZh());
        assertEquals(400, unreadable(new byte[0]).status());
        // a zip that holds no workbook
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("a.txt"));
            out.write(ID.getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals("xlsx", unreadable(zip.toByteArray()).violations().get(0).rule());
        // the OLE2 signature: an .xls, or an encrypted .xlsx
        byte[] ole2 = new byte[512];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1}, 0, ole2, 0, 8);
        Problem xls = unreadable(ole2);
        assertTrue(xls.detail().contains("password"), xls.detail());
        // a truncated workbook
        byte[] book = workbook(row("身份证号"), row(ID));
        assertEquals(400, unreadable(java.util.Arrays.copyOf(book, book.length / 2)).status());
    }

    /** The workbook with one part's XML changed, as another program than POI might have written it. */
    private static byte[] rewrite(byte[] book, String part, java.util.function.UnaryOperator<String> change)
            throws IOException {
        ByteArrayOutputStream changed = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(book));
                ZipOutputStream out = new ZipOutputStream(changed)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(part)) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.write(content);
            }
        }
        return changed.toByteArray();
    }

    @Test
    void aControlCharacterAsExcelEscapesItIsRefused() throws IOException {
        byte[] book = rewrite(workbook(row("身份证号", "姓名"), row(ID, "张三")), "xl/sharedStrings.xml",
                xml -> xml.replace("张三", "张_x0001_三"));
        assertEquals("text:control-character", rejected(book).get(0).rule());
        // an inline string (what other programs than Excel write) is read and decoded the same way
        byte[] inline = rewrite(workbook(row("身份证号", "姓名"), row(ID)), "xl/worksheets/sheet1.xml",
                xml -> xml.replace("</row></sheetData>",
                        "<c r=\"B2\" t=\"inlineStr\"><is><t>王_x0001_五</t></is></c></row></sheetData>"));
        List<RowError> errors = rejected(inline);
        assertEquals(new RowError(2, "name", "text:control-character", errors.get(0).message()), errors.get(0));
    }

    @Test
    void aZipBombIsRefused() throws IOException {
        // a sheet that inflates more than a hundredfold: POI's inflation check stops it while reading
        byte[] bomb = rewrite(workbook(row("身份证号"), row(ID)), "xl/worksheets/sheet1.xml",
                xml -> xml.replace("</worksheet>", "<!--" + " ".repeat(20_000_000) + "--></worksheet>"));
        assertEquals(400, unreadable(bomb).status());
        byte[] commented = rewrite(workbook(row("身份证号"), row(ID)), "xl/worksheets/sheet1.xml",
                xml -> xml.replace("</worksheet>", "<!-- a comment --></worksheet>"));
        assertEquals(List.of(ID), TraineeCsv.idNumbers(read(commented)), "the refusal is the inflation's");
    }

    @Test
    void aBodyOverTheCapIsA413() {
        byte[] big = new byte[XlsxReader.MAX_BYTES + 1];
        ProblemException e = assertThrows(ProblemException.class, () -> read(big));
        assertEquals(413, e.problem().status());
        assertEquals("max-size:5MB", e.problem().violations().get(0).rule());
    }

    @Test
    void columnLetters() {
        assertEquals("A", XlsxReader.letters(0));
        assertEquals("Z", XlsxReader.letters(25));
        assertEquals("AA", XlsxReader.letters(26));
        assertEquals(27, XlsxReader.column("AB12"));
        assertEquals(-1, XlsxReader.column("12"));
    }
}
