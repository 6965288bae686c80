package dev.colsync.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The figures of one run, printed as the Markdown table BENCHMARKS.md holds. */
public final class ResultTable {
  private final List<Figure> figures = new ArrayList<>();

  public void add(Figure figure) {
    figures.add(figure);
  }

  public void addAll(List<Figure> more) {
    figures.addAll(more);
  }

  public List<Figure> figures() {
    return List.copyOf(figures);
  }

  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("| # | figure | value | target | verdict | how / why not |\n");
    out.append("|---|---|---|---|---|---|\n");
    figures.stream().sorted(Comparator.comparingInt(Figure::section)).forEach(figure -> out.append("| ")
        .append(figure.section()).append(" | ")
        .append(cell(figure.name())).append(" | ")
        .append(cell(figure.valueText())).append(" | ")
        .append(figure.target().map(Target::toString).orElse("")).append(" | ")
        .append(figure.verdict()).append(" | ")
        .append(cell(figure.note())).append(" |\n"));
    return out.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
