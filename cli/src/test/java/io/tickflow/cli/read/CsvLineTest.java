package io.tickflow.cli.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvLineTest {

    @Test
    void splitsPlainFieldsKeepingEmptyOnes() {
        assertThat(CsvLine.split("1385337600,800.01,,0.1,", ',').fields())
                .containsExactly("1385337600", "800.01", "", "0.1", "");
    }

    @Test
    void unquotesQuotedFieldsWithDelimitersAndDoubledQuotes() {
        CsvLine line = CsvLine.split("\"a,b\", \"say \"\"hi\"\"\" ,c", ',');

        assertThat(line.problem()).isNull();
        assertThat(line.fields()).containsExactly("a,b", "say \"hi\"", "c");
    }

    @Test
    void splitsOnAnyDelimiter() {
        assertThat(CsvLine.split("a\tb;c\t", '\t').fields()).containsExactly("a", "b;c", "");
    }

    @Test
    void reportsAQuoteLeftOpenAndTextAfterAClosingQuote() {
        assertThat(CsvLine.split("1,\"800.75,0.45", ',').problem())
                .isEqualTo("a quoted field is not closed on this line (column 2)");
        assertThat(CsvLine.split("1,\"800\"75,0.45", ',').problem()).isEqualTo("text after a closing quote (column 2)");
    }
}
