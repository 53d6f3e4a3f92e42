package org.qiancheng.rest.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.qiancheng.engine.Violation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An uploaded workbook read as the rows of a CSV file ({@link Csv.Row}: the sheet's row number, the
 * cells as text), so that an XLSX import goes through the very rules of the CSV one ({@link TraineeCsv}).
 * <p>
 * Only the first sheet is read, and only text cells (shared or inline strings) give values: a number
 * cell is refused ({@code cell:text}) because an 18-digit resident ID typed as a number has already
 * lost its last three digits to the double Excel stores, and a date cell is a number whose meaning
 * depends on the format; a boolean or error cell is refused the same way, a formula
 * ({@code cell:formula}) because what is stored is a result Excel computed, which we cannot check.
 * <p>
 * Read as a stream (POI's event API, SAX over the sheet's XML): memory grows with the cells' text,
 * not with a DOM of the workbook. POI's zip-bomb checks (inflation ratio, entry size) stay as they
 * are, its XML parser refuses DTDs and external entities, and the body is capped at {@link #MAX_BYTES}.
 */
final class XlsxReader {

    /** The largest workbook taken: some 100,000 rows of trainees, and a bound on what it inflates to. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    /** Columns past this are not kept (a file names at most seven): a cell far right costs no padding. */
    static final int MAX_COLUMNS = 64;

    /** A cell that gives no text: where it is (sheet row, 0-based column) and the rule it breaks. */
    record Refusal(int line, int column, String rule, String message) {
    }

    /** The first sheet: its non-blank rows and its refused cells, in sheet order. */
    record Sheet(List<Csv.Row> rows, List<Refusal> refused) {
    }

    private XlsxReader() {
    }

    /** @return the first sheet of the workbook in {@code body}, read at most {@link #MAX_BYTES} */
    static Sheet read(InputStream body) {
        byte[] bytes;
        try (InputStream in = body) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (bytes.length > MAX_BYTES) {
            String message = "an XLSX file may be at most 5 MB";
            throw new ProblemException(Problems.of(413, "body: " + message, "body：XLSX 文件不得超过 5 MB", null,
                    List.of(new Violation("body", "max-size:5MB", message))));
        }
        return read(bytes);
    }

    static Sheet read(byte[] bytes) {
        if (bytes.length == 0) {
            throw unreadable("the body is empty; send the workbook's bytes", "请求体为空，请上传工作簿文件");
        }
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(pkg);
            // phonetic guides (ruby over Chinese or Japanese names) are not part of the value
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw unreadable("the workbook has no sheet", "工作簿中没有工作表");
            }
            SheetHandler handler = new SheetHandler(strings);
            try (InputStream first = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(handler);
                xml.parse(new InputSource(first));
            }
            return new Sheet(List.copyOf(handler.rows), List.copyOf(handler.refused));
        } catch (OLE2NotOfficeXmlFileException e) {
            // the OLE2 container: an Excel 97–2003 .xls, or an .xlsx saved with a password (encrypted)
            throw unreadable("the body is an Excel 97-2003 (.xls) or password-protected workbook; save it as an "
                    + "Excel workbook (.xlsx) without a password / 另存为无密码的 .xlsx 工作簿",
                    "文件是 Excel 97-2003（.xls）或设有密码的工作簿；请另存为无密码的 Excel 工作簿（.xlsx）");
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            // not a zip, not OOXML, a truncated or corrupt part, a zip bomb (POI's IOException), strict OOXML:
            // none of it is the client's data to echo, so the cause stays out of the answer
            throw unreadable("the body is not a readable XLSX workbook (a zip of Office Open XML parts); save the "
                    + "file from Excel as 'Excel Workbook (*.xlsx)' / 另存为 Excel 工作簿（.xlsx）",
                    "文件不是可读取的 XLSX 工作簿；请在 Excel 中另存为“Excel 工作簿（*.xlsx）”");
        }
    }

    private static ProblemException unreadable(String message, String zh) {
        return new ProblemException(Problems.of(400, "body: " + message, "body：" + zh, null,
                List.of(new Violation("body", "xlsx", message))));
    }

    /** A column's letters, as Excel shows them: 0 → A, 26 → AA. */
    static String letters(int column) {
        StringBuilder out = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            out.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return out.toString();
    }

    /** @return the 0-based column of a cell reference such as {@code B12}, or -1 when it has none */
    static int column(String reference) {
        int column = 0;
        int i = 0;
        while (i < reference.length() && reference.charAt(i) >= 'A' && reference.charAt(i) <= 'Z') {
            column = column * 26 + reference.charAt(i) - 'A' + 1;
            i++;
            if (column > 16384) {
                return -1;
            }
        }
        return i == 0 ? -1 : column - 1;
    }

    /**
     * The sheet's XML ({@code <row r><c r t><f/><v/><is><t/></is></c></row>}) as rows of text. Rows and
     * cells without a reference follow the previous one, as the format allows.
     */
    private static final class SheetHandler extends DefaultHandler {

        private final ReadOnlySharedStringsTable strings;
        final List<Csv.Row> rows = new ArrayList<>();
        final List<Refusal> refused = new ArrayList<>();

        private int line;
        private List<String> cells;
        private boolean tooWide;
        private int column;
        private String type;
        private boolean formula;
        private boolean hasValue;
        private boolean phonetic;
        private final StringBuilder value = new StringBuilder();
        private final StringBuilder inline = new StringBuilder();
        private boolean inValue;
        private boolean inText;

        SheetHandler(ReadOnlySharedStringsTable strings) {
            this.strings = strings;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes attributes) throws SAXException {
            switch (local) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    int next = r == null ? line + 1 : Integer.parseInt(r);
                    if (next <= line) {
                        // Excel writes rows in order, once each; anything else would make the row numbers lie
                        throw new SAXException("rows out of order");
                    }
                    line = next;
                    cells = new ArrayList<>();
                    tooWide = false;
                    column = -1;
                }
                case "c" -> {
                    String r = attributes.getValue("r");
                    int next = r == null ? column + 1 : column(r);
                    if (next < 0 || next <= column) {
                        throw new SAXException("cells out of order");
                    }
                    column = next;
                    type = attributes.getValue("t");
                    formula = false;
                    hasValue = false;
                    value.setLength(0);
                    inline.setLength(0);
                }
                case "f" -> formula = true;
                case "v" -> {
                    inValue = true;
                    hasValue = true;
                }
                case "is" -> hasValue = true;
                case "rPh" -> phonetic = true;
                case "t" -> inText = !phonetic;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                value.append(ch, start, length);
            } else if (inText) {
                inline.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            switch (local) {
                case "v" -> inValue = false;
                case "t" -> inText = false;
                case "rPh" -> phonetic = false;
                case "c" -> cell();
                case "row" -> {
                    while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                        cells.remove(cells.size() - 1);
                    }
                    // a row of blank cells is no row, as a blank line of a CSV file: trailing rows Excel
                    // keeps for their formatting are ignored
                    boolean refusedHere = !refused.isEmpty() && refused.get(refused.size() - 1).line() == line;
                    if (!cells.isEmpty() || refusedHere) {
                        rows.add(new Csv.Row(line, List.copyOf(cells)));
                    }
                }
                default -> {
                }
            }
        }

        private void cell() {
            if (column >= MAX_COLUMNS) {
                if ((hasValue || formula) && !tooWide) {
                    tooWide = true;
                    refused.add(new Refusal(line, MAX_COLUMNS, "csv:columns", "has a cell beyond column "
                            + letters(MAX_COLUMNS - 1) + "; a file has seven columns at most"));
                }
                return;
            }
            String text;
            if (formula) {
                refuse("cell:formula", "is a formula; replace it by its value typed as text (copy, then "
                        + "Paste Special → Values) / 请将公式替换为文本值（复制后“选择性粘贴 → 值”）");
                return;
            } else if (!hasValue) {
                return; // a formatted blank cell
            } else if ("s".equals(type)) {
                text = strings.getItemAt(Integer.parseInt(value.toString().strip())).getString();
            } else if ("inlineStr".equals(type) || "str".equals(type)) {
                // decoded as a shared string is: Excel writes a control character as _x0001_
                text = new XSSFRichTextString("str".equals(type) ? value.toString() : inline.toString()).getString();
            } else {
                String kind = type == null || "n".equals(type) ? "a number" : "d".equals(type) ? "a date"
                        : "b".equals(type) ? "a TRUE/FALSE" : "an error";
                refuse("cell:text", "is " + kind + " cell, not text: a resident ID stored as a number has lost its "
                        + "digits past the 15th and a date depends on its format; set the column to text and type "
                        + "the values again (or start each with ') / 请将该列设为文本格式后重新录入（或在值前加 '）");
                return;
            }
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(text.strip());
        }

        private void refuse(String rule, String message) {
            refused.add(new Refusal(line, column, rule, "column " + letters(column) + " " + message));
            while (cells.size() <= column) {
                cells.add("");
            }
        }
    }
}
