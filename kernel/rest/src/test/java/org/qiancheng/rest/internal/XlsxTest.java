package org.qiancheng.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A download as a workbook: the same table, every cell a string, so a formula stays text. */
class XlsxTest {

    @Test
    void theTableIsWrittenAsStringCells() throws Exception {
        byte[] book = Xlsx.write("花名册-班级7", List.of("姓名 Name", "金额 Amount"),
                List.of(Arrays.asList("=HYPERLINK(\"x\")", "600.00"), Arrays.asList("王五", null)));
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(book))) {
            Sheet sheet = read.getSheet("花名册-班级7");
            assertEquals("姓名 Name", sheet.getRow(0).getCell(0).getStringCellValue());
            assertTrue(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex() > 0, "a bold header");
            assertEquals(CellType.STRING, sheet.getRow(1).getCell(0).getCellType());
            assertEquals("=HYPERLINK(\"x\")", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals("600.00", sheet.getRow(1).getCell(1).getStringCellValue());
            assertEquals(null, sheet.getRow(2).getCell(1));
        }
    }

    @Test
    void anUnknownFormatNamesTheParameter() {
        ProblemException refused = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                () -> Exports.xlsx("pdf"));
        assertEquals("format", refused.problem().violations().get(0).field());
        assertTrue(Exports.xlsx("xlsx"));
        assertEquals(false, Exports.xlsx(null));
    }
}
