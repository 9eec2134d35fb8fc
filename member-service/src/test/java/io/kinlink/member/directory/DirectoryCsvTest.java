package io.kinlink.member.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DirectoryCsvTest {

    @Test
    void text_cells_are_quoted_with_quotes_doubled() {
        assertEquals("\"Li \"\"Lily\"\" Wang\"", DirectoryCsv.cell("Li \"Lily\" Wang"));
        assertEquals("1200", DirectoryCsv.cell(1200L));
        assertEquals("", DirectoryCsv.cell(null));
    }

    @Test
    void cells_a_spreadsheet_would_run_as_formulas_are_defused() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", DirectoryCsv.cell("=HYPERLINK(\"http://x\")"));
        assertEquals("\"'+1\"", DirectoryCsv.cell("+1"));
        assertEquals("\"'@SUM(A1)\"", DirectoryCsv.cell("@SUM(A1)"));
    }
}
