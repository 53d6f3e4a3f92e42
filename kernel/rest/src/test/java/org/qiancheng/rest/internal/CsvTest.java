package org.qiancheng.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.workflow.ImportRejectedException;
import org.qiancheng.api.workflow.RowError;

/** The strict CSV reader and the trainee file rules: each refusal names the line and the rule, never a value. */
class CsvTest {

    private static final String ID = "510104199001011230";
    private static final String CSV = null;

    private static Problem syntax(String csv) {
        ProblemException e = assertThrows(ProblemException.class, () -> TraineeCsv.trainees(csv));
        assertFalse(e.problem().toString().contains(ID), e.problem().toString());
        return e.problem();
    }

    private static List<RowError> rejected(String csv) {
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> TraineeCsv.trainees(csv));
        assertFalse(e.errors().toString().contains(ID), e.errors().toString());
        return e.errors();
    }

    @Test
    void readsQuotedFieldsDoubledQuotesCrlfAndABom() {
        List<Csv.Row> rows = Csv.read("\uFEFFa,\"b,\"\"c\"\"\",d\r\n\r\n\"x\",,\n");
        assertEquals(List.of(new Csv.Row(1, List.of("a", "b,\"c\"", "d")), new Csv.Row(3, List.of("x", "", ""))), rows);
    }

    @Test
    void anUnclosedQuoteIsA400NamingTheLineWhereItOpened() {
        Problem problem = syntax("身份证号,姓名\n" + ID + ",\"张三\n" + ID + ",李四\n");
        assertEquals(400, problem.status());
        assertEquals("line 2", problem.violations().get(0).field());
        assertEquals("csv:unclosed-quote", problem.violations().get(0).rule());
        assertTrue(problem.detailZh().startsWith("第 2 行："), problem.detailZh());
    }

    @Test
    void strayQuotesAreRefused() {
        assertEquals("csv:quote", syntax("身份证号,姓名\n" + ID + ",张\"三\n").violations().get(0).rule());
        assertEquals("csv:quote", syntax("身份证号,姓名\n" + ID + ",\"张三\"x\n").violations().get(0).rule());
    }

    @Test
    void aFileWithoutAHeaderLineIsRefusedWithoutEchoingIt() {
        List<RowError> errors = rejected(ID + ",张三\n");
        assertEquals("csv:header", errors.get(0).rule());
        assertEquals(1, errors.get(0).line());
        List<RowError> unknown = rejected("身份证号," + ID + "\n" + ID + ",x\n");
        assertEquals("csv:unknown-column", unknown.get(0).rule());
        assertTrue(unknown.get(0).message().startsWith("column 2 is not"), unknown.get(0).message());
    }

    @Test
    void rowsLongerThanTheHeaderAndControlCharactersAreRefused() {
        assertEquals("csv:columns", rejected("身份证号,姓名\n" + ID + ",张三,extra\n").get(0).rule());
        List<RowError> control = rejected("身份证号,姓名\n" + ID + ",\"张\n三\"\n");
        assertEquals("text:control-character", control.get(0).rule());
        assertEquals("name", control.get(0).field());
        assertEquals("text:replacement-character", rejected("身份证号,姓名\n" + ID + ",张\uFFFD\n").get(0).rule());
    }

    @Test
    void thePensionFlagIsYesNoOrTrueFalseOnly() {
        assertEquals("type:boolean", rejected("身份证号,姓名,领取养老金\n" + ID + ",张三,1\n").get(0).rule());
        assertEquals(Boolean.TRUE, TraineeCsv.trainees("身份证号,姓名,领取养老金\n" + ID + ",张三,是\n").get(0)
                .receivesPension());
    }

    @Test
    void aGbkFileIsRecognisedAndAnsweredWithTheHintInBothLanguages() {
        byte[] gbk = ("身份证号,姓名\n" + ID + ",张三\n").getBytes(Charset.forName("GBK"));
        ProblemException e = assertThrows(ProblemException.class, () -> TraineeCsv.text(CSV, gbk));
        assertEquals(400, e.problem().status());
        assertEquals("encoding:gb18030", e.problem().violations().get(0).rule());
        assertTrue(e.problem().detail().contains("CSV UTF-8") && e.problem().detail().contains("另存为 CSV UTF-8"));
        assertTrue(e.problem().detailZh().contains("另存为"), e.problem().detailZh());
        assertFalse(e.problem().toString().contains(ID));

        String declared = TraineeCsv.text("GB18030", gbk);
        assertEquals("张三", TraineeCsv.trainees(declared).get(0).name());
    }

    @Test
    void invalidUtf8IsA400NamingTheByteOffsetAndLine() {
        byte[] body = "身份证号,姓名\nx,张\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[body.length + 1];
        System.arraycopy(body, 0, bad, 0, body.length);
        bad[body.length - 1] = (byte) 0xFF;
        bad[body.length] = '\n';
        ProblemException e = assertThrows(ProblemException.class, () -> TraineeCsv.text(CSV, bad));
        assertEquals("encoding:utf-8", e.problem().violations().get(0).rule());
        assertTrue(e.problem().detail().contains("offset " + (body.length - 1) + " (line 2)"), e.problem().detail());
        assertTrue(e.problem().detail().contains("CSV UTF-8"));
    }

    @Test
    void anotherCharsetIsA415() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> TraineeCsv.text("ISO-8859-1", new byte[] {'a'}));
        assertEquals(415, e.problem().status());
    }
}
