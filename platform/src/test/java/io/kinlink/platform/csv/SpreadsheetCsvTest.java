package io.kinlink.platform.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SpreadsheetCsvTest {

    @Test
    void text_is_quoted_with_quotes_doubled_and_numbers_and_empty_cells_stay_bare() {
        UUID id = UUID.fromString("0b5f7c1e-3a1d-4a8e-9f0e-2b7c9d1e4f5a");
        assertEquals("\"0b5f7c1e-3a1d-4a8e-9f0e-2b7c9d1e4f5a\",\"Li \"\"Lily\"\" Wang\",1200,-500,",
                SpreadsheetCsv.line(id, "Li \"Lily\" Wang", 1200L, -500, null));
        assertEquals("\"a,b\",\"line\nbreak\"", SpreadsheetCsv.line("a,b", "line\nbreak"));
    }

    @Test
    void text_a_spreadsheet_would_run_as_a_formula_is_defused() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", SpreadsheetCsv.line("=HYPERLINK(\"http://x\")"));
        assertEquals("\"'+1\",\"'-2+3\",\"'@SUM(A1)\",\"'\tcmd\",\"'\rcmd\"",
                SpreadsheetCsv.line("+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"));
        assertEquals("\"a=b\",\"x-1\"", SpreadsheetCsv.line("a=b", "x-1"), "only a leading sign counts");
    }

    @Test
    void a_document_is_its_header_and_rows_each_ended_with_crlf() {
        assertEquals("\"id\",\"name\"\r\n1,\"'=1+1\"\r\n2,\"Ann\"\r\n",
                SpreadsheetCsv.document(List.of("id", "name"), List.of(List.of(1, "=1+1"), List.of(2, "Ann"))));
    }
}
