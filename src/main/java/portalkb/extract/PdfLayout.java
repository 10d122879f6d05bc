package portalkb.extract;

import portalkb.core.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One PDF page's words (with their positions) → lines → cells, then the page's tables (runs of lines of
 * several cells whose columns line up, read as a grid by {@link TableGrid}) and its running text (the
 * other lines joined into paragraphs: a PDF breaks lines mid-sentence).
 */
final class PdfLayout {

    /** A word as PDFBox placed it: {@code y} is the baseline from the top of the page, sizes in points. */
    record Word(String text, float x0, float x1, float y, float fontSize) {
    }

    record Cell(String text, float x0, float x1) {
        float center() {
            return (x0 + x1) / 2;
        }
    }

    record Line(List<Cell> cells, float y, float fontSize) {
        String text() {
            return String.join(" ", cells.stream().map(Cell::text).toList());
        }
    }

    /** The page's running text and tables. */
    record Page(List<Line> lines, String prose, List<DocumentTable> tables) {
    }

    private static final Pattern CAPTION = Pattern.compile("^(Bảng|BẢNG|Biểu|BIỂU|Phụ lục|PHỤ LỤC|Table)\\b.*");
    private static final Pattern NEW_PARAGRAPH = Pattern.compile("^([-+•*–]|\\d{1,2}[.)]|[IVX]{1,4}[.)]|[a-zđ]\\))\\s.*");

    private PdfLayout() {
    }

    static Page read(List<Word> words, int pageNumber) {
        List<Line> lines = lines(words);
        List<DocumentTable> tables = new ArrayList<>();
        boolean[] inTable = new boolean[lines.size()];
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).cells().size() < 2) {
                i++;
                continue;
            }
            int start = i;
            while (i < lines.size() && (lines.get(i).cells().size() >= 2 || wrapped(lines, i))) {
                i++;
            }
            List<Line> run = lines.subList(start, i);
            String caption = caption(lines, start);
            List<DocumentTable> found = TableGrid.find(grid(run), pageNumber, null, caption);
            if (!found.isEmpty()) {
                tables.addAll(found);
                for (int k = start; k < i; k++) {
                    inTable[k] = true;
                }
            }
        }
        List<Line> proseLines = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            if (!inTable[k]) {
                proseLines.add(lines.get(k));
            }
        }
        return new Page(lines, paragraphs(proseLines), tables);
    }

    /**
     * A line of one cell inside a table: the wrapped end of a header or label cell, between two lines of
     * several cells and close to both.
     */
    private static boolean wrapped(List<Line> lines, int i) {
        if (i == 0 || i + 1 >= lines.size() || lines.get(i - 1).cells().size() < 2 || lines.get(i + 1).cells().size() < 2) {
            return false;
        }
        float em = Math.max(4f, lines.get(i).fontSize());
        return lines.get(i).y() - lines.get(i - 1).y() < 1.8f * em && lines.get(i + 1).y() - lines.get(i).y() < 2.5f * em;
    }

    /** Words on one baseline (within half a font size) form a line; in a line, a gap wider than a letter's width starts a new cell. */
    static List<Line> lines(List<Word> words) {
        List<Word> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingDouble(Word::y).thenComparingDouble(Word::x0));
        List<List<Word>> grouped = new ArrayList<>();
        for (Word w : sorted) {
            List<Word> last = grouped.isEmpty() ? null : grouped.get(grouped.size() - 1);
            if (last != null && Math.abs(last.get(0).y() - w.y()) <= Math.max(2f, 0.5f * Math.max(w.fontSize(), last.get(0).fontSize()))) {
                last.add(w);
            } else {
                List<Word> line = new ArrayList<>();
                line.add(w);
                grouped.add(line);
            }
        }
        List<Line> out = new ArrayList<>();
        for (List<Word> line : grouped) {
            line.sort(Comparator.comparingDouble(Word::x0));
            List<Cell> cells = new ArrayList<>();
            StringBuilder text = new StringBuilder(line.get(0).text());
            float x0 = line.get(0).x0();
            float x1 = line.get(0).x1();
            float size = line.get(0).fontSize();
            for (int k = 1; k < line.size(); k++) {
                Word w = line.get(k);
                float gap = w.x0() - x1;
                float em = Math.max(4f, Math.max(w.fontSize(), line.get(k - 1).fontSize()));
                // Beside a number (a table's "STT" column, numbers in adjacent columns) a wide space already parts two cells.
                boolean numbers = TableGrid.NUMBER.matcher(w.text()).matches() || TableGrid.NUMBER.matcher(line.get(k - 1).text()).matches();
                if (gap > em || numbers && gap > 0.4f * em) {
                    cells.add(new Cell(Text.collapseSpaces(text.toString()), x0, x1));
                    text.setLength(0);
                    x0 = w.x0();
                } else {
                    text.append(' ');
                }
                text.append(w.text());
                x1 = Math.max(x1, w.x1());
                size = Math.max(size, w.fontSize());
            }
            cells.add(new Cell(Text.collapseSpaces(text.toString()), x0, x1));
            out.add(new Line(cells, line.get(0).y(), size));
        }
        return out;
    }

    /**
     * The lines of a run as rows of a grid: columns are the cells of the line with the most cells, widened
     * by every cell that falls under them; each cell goes to the column it overlaps most (or the nearest).
     */
    private static List<List<String>> grid(List<Line> run) {
        Line template = run.stream().max(Comparator.comparingInt(l -> l.cells().size())).orElseThrow();
        int columns = template.cells().size();
        float[] left = new float[columns];
        float[] right = new float[columns];
        for (int c = 0; c < columns; c++) {
            left[c] = template.cells().get(c).x0();
            right[c] = template.cells().get(c).x1();
        }
        for (Line line : run) {
            if (line.cells().size() == columns) {
                for (int c = 0; c < columns; c++) {
                    left[c] = Math.min(left[c], line.cells().get(c).x0());
                    right[c] = Math.max(right[c], line.cells().get(c).x1());
                }
            }
        }
        List<List<String>> grid = new ArrayList<>();
        for (Line line : run) {
            String[] row = new String[columns];
            for (Cell cell : line.cells()) {
                int c = column(cell, left, right);
                row[c] = row[c] == null ? cell.text() : row[c] + " " + cell.text();
            }
            List<String> cells = new ArrayList<>();
            for (String s : row) {
                cells.add(s == null ? "" : s);
            }
            grid.add(cells);
        }
        return grid;
    }

    private static int column(Cell cell, float[] left, float[] right) {
        int best = 0;
        float bestOverlap = 0;
        float bestDistance = Float.MAX_VALUE;
        for (int c = 0; c < left.length; c++) {
            float overlap = Math.min(cell.x1(), right[c]) - Math.max(cell.x0(), left[c]);
            float distance = Math.abs(cell.center() - (left[c] + right[c]) / 2);
            if (overlap > bestOverlap || bestOverlap <= 0 && overlap <= 0 && distance < bestDistance) {
                best = c;
                bestOverlap = Math.max(overlap, bestOverlap);
                bestDistance = distance;
            }
        }
        return best;
    }

    /** The caption of a table starting at line {@code start}: a "Bảng …" line among the three above it, else the line right above. */
    private static String caption(List<Line> lines, int start) {
        for (int k = start - 1; k >= Math.max(0, start - 3); k--) {
            if (CAPTION.matcher(lines.get(k).text()).matches()) {
                return lines.get(k).text();
            }
        }
        return start > 0 && lines.get(start - 1).cells().size() == 1 ? lines.get(start - 1).text() : null;
    }

    /** Lines joined into paragraphs: a line continues the one before unless that one ends a sentence, a gap or a list item says otherwise. */
    static String paragraphs(List<Line> lines) {
        StringBuilder out = new StringBuilder();
        Line previous = null;
        for (Line line : lines) {
            String text = line.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            if (previous != null) {
                String before = previous.text().strip();
                float gap = line.y() - previous.y();
                boolean breaks = before.matches(".*[.:;!?…]$") || gap > 2.0f * Math.max(previous.fontSize(), 4f)
                    || NEW_PARAGRAPH.matcher(text).matches() || Math.abs(line.fontSize() - previous.fontSize()) > 1.5f
                    || before.equals(before.toUpperCase()) && before.chars().anyMatch(Character::isLetter);
                out.append(breaks ? "\n" : " ");
            }
            out.append(text);
            previous = line;
        }
        return out.toString();
    }
}
