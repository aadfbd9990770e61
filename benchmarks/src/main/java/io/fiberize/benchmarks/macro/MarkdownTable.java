package io.fiberize.benchmarks.macro;

import java.util.ArrayList;
import java.util.List;

/**
 * Build a Markdown table row by row.
 */
final class MarkdownTable {

    private final List<String> headings;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * Start a table with these column headings.
     */
    MarkdownTable(List<String> headings) {
        this.headings = headings;
    }

    /**
     * Add a row, one cell per column.
     */
    MarkdownTable row(List<String> cells) {
        if (cells.size() != headings.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + headings.size() + " columns");
        }
        rows.add(cells);
        return this;
    }

    /**
     * Render the table, ending with a newline.
     */
    String render() {
        StringBuilder text = new StringBuilder();
        line(text, headings);
        line(text, headings.stream().map(heading -> "---").toList());
        for (List<String> row : rows) {
            line(text, row);
        }
        return text.toString();
    }

    private static void line(StringBuilder text, List<String> cells) {
        text.append("| ");
        text.append(String.join(" | ", cells.stream().map(cell -> cell.replace("|", "\\|")).toList()));
        text.append(" |\n");
    }
}
