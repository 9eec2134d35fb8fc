package io.kinlink.platform.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The one way Kinlink writes CSV, for whatever an operator opens in a spreadsheet: RFC 4180 with
 * CRLF line ends (Apache Commons CSV), every text cell quoted, numbers bare, and a text cell that a
 * spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return, as
 * OWASP lists them) prefixed with an apostrophe so it is shown instead of run. Numbers are never
 * altered: a negative amount stays a number.
 */
public final class SpreadsheetCsv {

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setQuoteMode(QuoteMode.NON_NUMERIC)
            .setRecordSeparator("\r\n")
            .get();
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetCsv() {
    }

    /** One record as its line, without the line end. */
    public static String line(Object... cells) {
        return line(Arrays.asList(cells));
    }

    /** One record as its line, without the line end. */
    public static String line(List<?> cells) {
        StringBuilder line = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(line, FORMAT)) {
            printer.printRecord(cells.stream().map(SpreadsheetCsv::defused));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.substring(0, line.length() - FORMAT.getRecordSeparator().length());
    }

    /** A header and its rows, each line ended with CRLF. */
    public static String document(List<String> header, List<? extends List<?>> rows) {
        StringBuilder csv = new StringBuilder(line(header)).append(FORMAT.getRecordSeparator());
        rows.forEach(row -> csv.append(line(row)).append(FORMAT.getRecordSeparator()));
        return csv.toString();
    }

    /** The cell as it is written: numbers and empty cells as they are, formula-like text with a leading apostrophe. */
    static Object defused(Object cell) {
        if (cell == null || cell instanceof Number) {
            return cell;
        }
        String text = cell.toString();
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
