package dev.colsync.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The quick mode, run once so the harness cannot rot: every benchmark runs and fills its rows. */
class QuickModeTest {

  @Test
  void everyBenchmarkRunsInQuickMode() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ResultTable table = new BenchmarkMain(new PrintStream(printed, true, StandardCharsets.UTF_8))
        .run(BenchmarkOptions.parse("--quick"));
    String output = printed.toString(StandardCharsets.UTF_8);
    System.out.print(output);

    assertThat(table.figures()).isNotEmpty();
    assertThat(table.figures()).noneMatch(figure -> figure.note().startsWith("failed"));
    assertThat(table.figures()).extracting(Figure::section).contains(1, 2, 3, 4, 5, 6);
    assertThat(output).contains("| # | figure | value | target | verdict |");
  }
}
